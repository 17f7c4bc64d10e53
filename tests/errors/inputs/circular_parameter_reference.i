# circular [Models] reference through parameters: h1 takes its modulus from h2, h2 from h1
# get: model h1
# block: Models/h2
# option: hardening_modulus
# expect: circular reference: h1 -> h2 -> h1
[Models]
  [h1]
    type = LinearIsotropicHardening
    hardening_modulus = 'h2'
  []
  [h2]
    type = LinearIsotropicHardening
    hardening_modulus = 'h1'
  []
[]
