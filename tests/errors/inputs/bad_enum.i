# invalid enum value VONMIESES for invariant_type
# get: model vonmises
# block: Models/vonmises
# option: invariant_type
# expect: invalid value 'VONMIESES' (did you mean 'VONMISES'?); valid choices: I1, I2, VONMISES, EFFECTIVE_STRAIN
[Models]
  [vonmises]
    type = SR2Invariant
    invariant_type = 'VONMIESES'
    tensor = 'mandel_stress'
    invariant = 'effective_stress'
  []
[]
