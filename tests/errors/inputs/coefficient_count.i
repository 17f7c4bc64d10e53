# three coefficients for an isotropic elasticity (needs exactly two)
# get: model elasticity
# block: Models/elasticity
# option: coefficients
# expect: needs exactly 2 coefficients and 2 coefficient_types, got 3 and 2
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3 0.1'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
