# a solver type (Newton) used in [Models]
# get: model solver
# block: Models/solver
# option: type
# expect: type 'Newton' belongs in [Solvers], not [Models]
[Models]
  [solver]
    type = Newton
  []
[]
