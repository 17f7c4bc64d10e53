# a variable option given two names (elastic strain) where one is expected
# get: model elasticity
# block: Models/elasticity
# option: strain
# expect: expected one variable name, got 2: 'elastic strain'
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    strain = 'elastic strain'
  []
[]
