# NonlinearSystem unknown that is not an input of its model
# get: model return_map
# block: EquationSystems/system
# option: unknowns
# expect: unknown 'y' is not an input of model 'integrate' (inputs: x, x~1, t, t~1, x_rate)
[EquationSystems]
  [system]
    type = NonlinearSystem
    model = 'integrate'
    unknowns = 'y'
  []
[]
[Solvers]
  [newton]
    type = Newton
  []
[]
[Models]
  [integrate]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'x'
  []
  [return_map]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
  []
[]
