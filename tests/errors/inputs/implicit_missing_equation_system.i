# ImplicitUpdate without its equation_system
# get: model return_map
# block: Models/return_map
# option: equation_system
# expect: missing required option
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
    solver = 'newton'
  []
[]
