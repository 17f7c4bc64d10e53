# two sub-models of a ComposedModel both provide 'stress'
# get: model model
# block: Models/model
# option: models
# expect: variable 'stress' is provided by more than one model (elastic1, elastic2)
[Models]
  [elastic1]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
  [elastic2]
    type = LinearIsotropicElasticity
    coefficients = '2e5 0.25'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
  [model]
    type = ComposedModel
    models = 'elastic1 elastic2'
  []
[]
