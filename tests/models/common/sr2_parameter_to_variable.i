# SR2ParameterToVariable: to = from, a batched [Tensors] entry: rows SR2.fill(1, 2, 3, 4, 5, 6) and 2x that
[Tensors]
  [A]
    type = Python
    expr = 'SR2.fill(*(c * torch.tensor([1.0, 2.0], dtype=torch.float64) for c in (1, 2, 3, 4, 5, 6)))'
  []
  [expected]
    type = Python
    expr = 'SR2.fill(*(torch.tensor(v, dtype=torch.float64) for v in ([1.0, 2.0], [2.0, 4.0], [3.0, 6.0], [4.0, 8.0], [5.0, 10.0], [6.0, 12.0])))'
  []
[]

[Models]
  [model]
    type = SR2ParameterToVariable
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
    batch_shape = '(2,)'
    output_SR2_names = 'B'
    output_SR2_values = 'expected'
  []
[]
