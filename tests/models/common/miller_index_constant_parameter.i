# MillerIndexConstantParameter: parameter = value = (1 -1 2) (a [Tensors] entry)
[Tensors]
  [A]
    type = Python
    expr = 'MillerIndex.fill(1.0, -1.0, 2.0)'
  []
[]

[Models]
  [model]
    type = MillerIndexConstantParameter
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
    output_MillerIndex_names = 'A'
    output_MillerIndex_values = '1 -1 2'
  []
[]
