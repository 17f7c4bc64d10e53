# additional_outputs names a variable no sub-model provides
# get: model model
# block: Models/model
# option: additional_outputs
# expect: 'plastic_strain' is not provided by any sub-model
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
  [model]
    type = ComposedModel
    models = 'elasticity'
    additional_outputs = 'plastic_strain'
  []
[]
