# a cubic stiffness needs three constants
# get: model C
# block: Models/C
# option: coefficients
# expect: needs exactly 3 coefficients and 3 coefficient_types, got 2 and 3
[Models]
  [C]
    type = CubicElasticityTensor
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO SHEAR_MODULUS'
  []
[]
