# the same option given twice in one block
# get: model isoharden
# block: Models/isoharden
# option: none
# expect: duplicate field 'hardening_modulus'
[Models]
  [isoharden]
    type = LinearIsotropicHardening
    hardening_modulus = 1000
    hardening_modulus = 2000
  []
[]
