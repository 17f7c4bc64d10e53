# circular [Models] reference: a ComposedModel that lists itself
# get: model flow
# block: Models/flow
# option: models
# expect: circular reference: flow -> flow
[Models]
  [vonmises]
    type = SR2Invariant
    invariant_type = 'VONMISES'
    tensor = 'mandel_stress'
    invariant = 'effective_stress'
  []
  [flow]
    type = ComposedModel
    models = 'vonmises flow'
  []
[]
