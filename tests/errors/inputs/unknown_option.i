# unknown option: 'coeficients' misspelled
# get: model elasticity
# block: Models/elasticity
# option: coeficients
# expect: unknown option (did you mean 'coefficients' or 'coefficient_types'?); valid options: strain, stress,
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coeficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
