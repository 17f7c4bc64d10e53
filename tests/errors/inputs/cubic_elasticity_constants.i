# a cubic stiffness from constants other than E, nu and G
# get: model C
# block: Models/C
# option: coefficient_types
# expect: needs the constants YOUNGS_MODULUS POISSONS_RATIO SHEAR_MODULUS (in any order), got YOUNGS_MODULUS POISSONS_RATIO BULK_MODULUS
[Models]
  [C]
    type = CubicElasticityTensor
    coefficients = '1e5 0.3 5e4'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO BULK_MODULUS'
  []
[]
