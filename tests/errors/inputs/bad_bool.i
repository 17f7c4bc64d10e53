# bad bool value for compliance
# get: model elasticity
# block: Models/elasticity
# option: compliance
# expect: expected true/false, got 'maybe'
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    compliance = maybe
  []
[]
