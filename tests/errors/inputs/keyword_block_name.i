# a model block name that is a Python keyword (lambda)
# get: model lambda
# block: Models/lambda
# option: none
# expect: model block name 'lambda' must be a valid Python identifier and not a keyword
[Models]
  [lambda]
    type = LinearIsotropicHardening
    hardening_modulus = 1000
  []
[]
