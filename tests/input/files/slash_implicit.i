# an implicit update whose unknown is state/x: x - x~1 = (f - x) dt
[EquationSystems]
  [system]
    type = NonlinearSystem
    model = 'integrate'
    unknowns = 'state/x'
  []
[]
[Solvers]
  [newton]
    type = Newton
  []
[]
[Models]
  [rate]
    type = ScalarLinearCombination
    from = 'state/x forces/f'
    to = 'state/x_rate'
    weights = '-1 1'
  []
  [integ]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'state/x'
  []
  [integrate]
    type = ComposedModel
    models = 'rate integ'
  []
  [return_map]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
  []
[]
