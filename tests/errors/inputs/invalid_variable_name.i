# a variable name that is not an identifier (1stress)
# get: model elasticity
# block: Models/elasticity
# option: stress
# expect: invalid variable name '1stress'
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    stress = '1stress'
  []
[]
