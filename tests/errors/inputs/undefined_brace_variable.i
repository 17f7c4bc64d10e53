# a ${} substitution of a variable the file does not define
# get: model elastic
# block: Models/elastic
# option: coefficients
# expect: undefined variable 'E'
[Models]
  [elastic]
    type = LinearIsotropicElasticity
    coefficients = '${E} 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
