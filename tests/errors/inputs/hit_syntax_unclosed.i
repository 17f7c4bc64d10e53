# HIT syntax error: a '[]' is missing, so HIT reaches the end of the file inside [Models]
# get: model isoharden
# block: Models
# option: none
# expect: syntax error, unexpected end of file
[Models]
  [isoharden]
    type = LinearIsotropicHardening
    hardening_modulus = 1000
[]
