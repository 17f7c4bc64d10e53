# missing required option coefficient_types
# get: model elasticity
# block: Models/elasticity
# option: coefficient_types
# expect: missing required option
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
  []
[]
