# a negative Perzyna reference stress (viscosity)
# get: model flow
# block: Models/flow
# option: reference_stress
# expect: reference stress must be positive, got -150
[Models]
  [flow]
    type = PerzynaPlasticFlowRate
    reference_stress = -150
    exponent = 6
  []
[]
