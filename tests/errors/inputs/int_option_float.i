# non-integer for an int option (max_its = 2.5)
# get: model return_map
# block: Solvers/newton
# option: max_its
# expect: expected an integer, got '2.5'
[EquationSystems]
  [system]
    type = NonlinearSystem
    model = 'integrate'
    unknowns = 'x'
  []
[]
[Solvers]
  [newton]
    type = Newton
    max_its = 2.5
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
