# Compiled at the declared example batch: 2 points with 4 sites each (strain '(2; 4)'),
# and the batch axis fixed (dynamic_batch = false).
[Settings]
  dynamic_batch = false
  [example_batch_shape]
    strain = '(2; 4)'
  []
[]

[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '200e3 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
