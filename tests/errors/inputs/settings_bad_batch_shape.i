# an example_batch_shape that is not a shape
# get: model elastic
# block: Settings
# option: example_batch_shape
# expect: invalid batch shape '(5, x)'
[Settings]
  example_batch_shape = '(5, x)'
[]
[Models]
  [elastic]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
