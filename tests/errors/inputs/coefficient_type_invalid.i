# invalid coefficient type POISONS_RATIO
# get: model elasticity
# block: Models/elasticity
# option: coefficient_types
# expect: invalid coefficient type 'POISONS_RATIO'
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISONS_RATIO'
  []
[]
