# CopyMRP: to = from = (0.1 -0.2 0.3)
[Models]
  [model]
    type = CopyMRP
    from = 'a'
    to = 'b'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'model'
    batch_shape = '(3,)'
    input_MRP_names = 'a'
    input_MRP_values = '0.1 -0.2 0.3'
    output_MRP_names = 'b'
    output_MRP_values = '0.1 -0.2 0.3'
    check_second_derivatives = true
  []
[]
