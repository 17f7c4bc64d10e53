# a Poisson's ratio outside (-1, 0.5)
# get: model elastic
# block: Models/elastic
# option: coefficients
# expect: Poisson's ratio must lie in (-1, 0.5), got 0.6
[Models]
  [elastic]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.6'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
