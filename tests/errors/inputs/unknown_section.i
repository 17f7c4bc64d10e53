# unknown section [Model] (should be [Models])
# get: model elasticity
# block: Model
# option: none
# expect: unknown section [Model] (did you mean 'Models'?)
[Model]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
