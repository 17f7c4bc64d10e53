# FixOrientation with threshold 1: a = (0.3, -0.4, 0.2) (a.a = 0.29) is kept; b = (1.2, 0.5, -0.8)
# (b.b = 1.44 + 0.25 + 0.64 = 2.33 > 1) becomes its shadow -b / 2.33 = (-0.51502146, -0.21459227, 0.34334764).
[Models]
  [keep]
    type = FixOrientation
    input = 'a'
    output = 'a_fixed'
  []
  [flip]
    type = FixOrientation
    input = 'b'
    output = 'b_fixed'
  []
  [model]
    type = ComposedModel
    models = 'keep flip'
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
    batch_shape = '(2,3)'
    input_MRP_names = 'a b'
    input_MRP_values = '0.3 -0.4 0.2; 1.2 0.5 -0.8'
    output_MRP_names = 'a_fixed b_fixed'
    output_MRP_values = '0.3 -0.4 0.2; -0.5150214592274678 -0.21459227467811157 0.34334763948497854'
    check_second_derivatives = true
  []
[]
