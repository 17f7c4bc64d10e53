# invalid dtype in [Settings]
# get: model isoharden
# block: Settings
# option: default_dtype
# expect: invalid dtype 'float16'; valid choices: float64, float32
[Settings]
  default_dtype = 'float16'
[]
[Models]
  [isoharden]
    type = LinearIsotropicHardening
    hardening_modulus = 1000
  []
[]
