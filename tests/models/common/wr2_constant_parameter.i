# WR2ConstantParameter: parameter = value = (0.1 -0.2 0.3) (a [Tensors] entry)
[Tensors]
  [A]
    type = Python
    expr = 'WR2.fill(0.1, -0.2, 0.3)'
  []
[]

[Models]
  [model]
    type = WR2ConstantParameter
    value = 'A'
    parameter = 'A'
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
    output_WR2_names = 'A'
    output_WR2_values = '0.1 -0.2 0.3'
  []
[]
