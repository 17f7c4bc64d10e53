# the same coefficient type given twice
# get: model elasticity
# block: Models/elasticity
# option: coefficient_types
# expect: coefficient_types names YOUNGS_MODULUS twice
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1e5 2e5'
    coefficient_types = 'YOUNGS_MODULUS YOUNGS_MODULUS'
  []
[]
