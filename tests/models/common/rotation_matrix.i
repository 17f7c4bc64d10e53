# RotationMatrix of the MRP r = (0.1, -0.2, 0.3): |r| = tan(theta/4), axis r/|r|, and R by Rodrigues'
# formula R = I + sin(theta) K + (1 - cos(theta)) K^2 (K = skew(axis)), computed independently in numpy.
[Models]
  [model]
    type = RotationMatrix
    from = 'r'
    to = 'R'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    check_second_derivatives = true
    batch_shape = '(2,3)'
    input_MRP_names = 'r'
    input_MRP_values = '0.1 -0.2 0.3'
    output_R2_names = 'R'
    output_R2_values = '0.19975377039088915 -0.917205293936596 -0.3447214527546938 0.6709756848261004 0.38442597722376093 -0.6340412434595263 0.7140658664204373 -0.10464758387196071 0.6922129886118804'
  []
[]
