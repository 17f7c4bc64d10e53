# non-numeric value for a float option (abs_tol = 1e-10.5)
# get: model return_map
# block: Solvers/newton
# option: abs_tol
# expect: expected a float, got '1e-10.5'
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
    abs_tol = 1e-10.5
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
