# HIT syntax error: a field without '='
# get: model isoharden
# block: Models/isoharden
# option: none
# expect: unexpected character
[Models]
  [isoharden]
    type = LinearIsotropicHardening
    hardening_modulus 1000
  []
[]
