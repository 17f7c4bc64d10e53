# SR2ConstantParameter: parameter = value = SR2.fill(1, 2, 3, 4, 5, 6) (a [Tensors] entry; shears Mandel-scaled)
[Tensors]
  [A]
    type = Python
    expr = 'SR2.fill(1.0, 2.0, 3.0, 4.0, 5.0, 6.0)'
  []
[]

[Models]
  [model]
    type = SR2ConstantParameter
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
    batch_shape = '(2,)'
    output_SR2_names = 'A'
    output_SR2_values = '1 2 3 4 5 6'
  []
[]
