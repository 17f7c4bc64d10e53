# Normality refers to a model that does not exist
# get: model normality
# block: Models/normality
# option: model
# expect: no block named 'flw' in [Models] (did you mean 'flow'?)
[Models]
  [vonmises]
    type = SR2Invariant
    invariant_type = 'VONMISES'
    tensor = 'mandel_stress'
    invariant = 'effective_stress'
  []
  [yield_fn]
    type = YieldFunction
    yield_stress = 5
  []
  [flow]
    type = ComposedModel
    models = 'vonmises yield_fn'
  []
  [normality]
    type = Normality
    model = 'flw'
    function = 'yield_function'
    from = 'mandel_stress'
    to = 'flow_direction'
  []
[]
