# typo in a type name (LinearIsotropicElastcity)
# get: model elasticity
# block: Models/elasticity
# option: type
# expect: unknown type 'LinearIsotropicElastcity' (did you mean 'LinearIsotropicElasticity'
[Models]
  [elasticity]
    type = LinearIsotropicElastcity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
