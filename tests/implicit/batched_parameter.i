# dx/dt = c x + f by backward Euler, with c a batched parameter (batch (3,)) against inputs of batch (5, 3)
[Tensors]
  [c]
    type = Python
    expr = 'Scalar(torch.tensor([-1.0, -2.0, -3.0], dtype=torch.float64))'
  []
[]
[Models]
  [rate]
    type = ScalarLinearCombination
    from = 'x f'
    to = 'x_rate'
    weights = 'c 1'
  []
  [integrate]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'x'
  []
  [implicit]
    type = ComposedModel
    models = 'rate integrate'
  []
  [update]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
  []
[]
[EquationSystems]
  [system]
    type = NonlinearSystem
    model = 'implicit'
    unknowns = 'x'
  []
[]
[Solvers]
  [newton]
    type = Newton
  []
[]
