# R2ConstantParameter: parameter = value = (1 -2 3 0.5 -0.25 4 2.5 -3 0.75) (a [Tensors] entry)
[Tensors]
  [A]
    type = Python
    expr = 'R2.fill(1.0, -2.0, 3.0, 0.5, -0.25, 4.0, 2.5, -3.0, 0.75)'
  []
[]

[Models]
  [model]
    type = R2ConstantParameter
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
    output_R2_names = 'A'
    output_R2_values = '1 -2 3 0.5 -0.25 4 2.5 -3 0.75'
  []
[]
