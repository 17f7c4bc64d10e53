# Newton names a linear solver that does not exist (luu)
# get: model return_map
# block: Solvers/newton
# option: linear_solver
# expect: no block named 'luu' in [Solvers] (did you mean 'lu'?); defined: newton, lu
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
    linear_solver = 'luu'
  []
  [lu]
    type = DenseLU
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
