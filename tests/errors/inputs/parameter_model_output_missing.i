# a parameter taken from another model's output that does not exist (isoharden.hardening)
# get: model yield_fn
# block: Models/yield_fn
# option: yield_stress
# expect: model 'isoharden' has no output 'hardening'; outputs: isotropic_hardening
[Models]
  [isoharden]
    type = LinearIsotropicHardening
    hardening_modulus = 1000
  []
  [yield_fn]
    type = YieldFunction
    yield_stress = 'isoharden.hardening'
  []
[]
