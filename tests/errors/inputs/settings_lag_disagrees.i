# a history lag declared with another sub-batch than its variable
# get: model elastic
# block: Settings
# option: example_batch_shape/rho~1
# expect: history lag 'rho~1' declares sub-batch (6,), but 'rho' declares (12,)
[Settings]
  [example_batch_shape]
    rho = '(2; 12)'
    rho~1 = '(2; 6)'
  []
[]
[Models]
  [elastic]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
