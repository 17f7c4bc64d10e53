# a non-positive Young's modulus
# get: model elastic
# block: Models/elastic
# option: coefficients
# expect: Young's modulus must be positive, got -200000
[Models]
  [elastic]
    type = LinearIsotropicElasticity
    coefficients = '0.3 -2e5'
    coefficient_types = 'POISSONS_RATIO YOUNGS_MODULUS'
  []
[]
