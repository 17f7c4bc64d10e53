# ComposedModel lists a model that does not exist (elastcity)
# get: model model
# block: Models/model
# option: models
# expect: no block named 'elastcity' in [Models] (did you mean 'elasticity'?)
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
  [invariant]
    type = SR2Invariant
    invariant_type = 'VONMISES'
    tensor = 'stress'
    invariant = 'effective_stress'
  []
  [model]
    type = ComposedModel
    models = 'elastcity invariant'
  []
[]
