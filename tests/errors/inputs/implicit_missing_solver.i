# ImplicitUpdate names a solver that does not exist (newtn)
# get: model return_map
# block: Models/return_map
# option: solver
# expect: no block named 'newtn' in [Solvers] (did you mean 'newton'?); defined: newton
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
    solver = 'newtn'
  []
[]
