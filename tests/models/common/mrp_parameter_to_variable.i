# MRPParameterToVariable: to = from = (0.1 -0.2 0.3) (a [Tensors] entry)
[Tensors]
  [A]
    type = Python
    expr = 'MRP.fill(0.1, -0.2, 0.3)'
  []
[]

[Models]
  [model]
    type = MRPParameterToVariable
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
    output_MRP_names = 'B'
    output_MRP_values = '0.1 -0.2 0.3'
  []
[]
