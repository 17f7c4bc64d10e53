# non-numeric literal for a parameter (1e3x)
# get: model isoharden
# block: Models/isoharden
# option: hardening_modulus
# expect: '1e3x' is not a number
[Models]
  [isoharden]
    type = LinearIsotropicHardening
    hardening_modulus = 1e3x
  []
[]
