# A misspelled [Settings] entry.
# get: model model
# block: Settings
# option: default_dtpye
# expect: unknown setting (did you mean 'default_dtype'
[Settings]
  default_dtpye = 'float64'
[]
[Models]
  [model]
    type = LinearIsotropicElasticity
    coefficients = '1 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
