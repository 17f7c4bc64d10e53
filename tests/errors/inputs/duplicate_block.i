# two blocks with the same name in [Models] (the second would silently win)
# get: model isoharden
# block: Models/isoharden
# option: none
# expect: [Models/isoharden] duplicate block (first defined at line 7)
[Models]
  [isoharden]
    type = LinearIsotropicHardening
    hardening_modulus = 1000
  []
  [isoharden]
    type = LinearIsotropicHardening
    hardening_modulus = 2000
  []
[]
