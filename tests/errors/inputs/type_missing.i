# a block without a type
# get: model elasticity
# block: Models/elasticity
# option: type
# expect: missing required option
[Models]
  [elasticity]
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
