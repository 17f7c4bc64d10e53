# VecParameterToVariable: to = from = (1 -2 3) (a [Tensors] entry)
[Tensors]
  [A]
    type = Python
    expr = 'Vec.fill(1.0, -2.0, 3.0)'
  []
[]

[Models]
  [model]
    type = VecParameterToVariable
    from = 'A'
    to = 'B'
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
    output_Vec_names = 'B'
    output_Vec_values = '1 -2 3'
  []
[]
