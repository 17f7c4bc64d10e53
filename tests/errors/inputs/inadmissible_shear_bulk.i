# a zero bulk modulus
# get: model elastic
# block: Models/elastic
# option: coefficients
# expect: bulk modulus must be positive, got 0
[Models]
  [elastic]
    type = LinearIsotropicElasticity
    coefficients = '7e4 0'
    coefficient_types = 'SHEAR_MODULUS BULK_MODULUS'
  []
[]
