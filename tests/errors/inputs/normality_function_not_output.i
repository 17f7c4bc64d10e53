# Normality's function is not an output of its model (yield_functon)
# get: model normality
# block: Models/normality
# option: function
# expect: model 'flow' has no output 'yield_functon' (did you mean 'yield_function'?); outputs: yield_function
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
    model = 'flow'
    function = 'yield_functon'
    from = 'mandel_stress'
    to = 'flow_direction'
  []
[]
