# a Scalar parameter given a [Tensors] entry that is an SR2
# get: model yield_fn
# block: Models/yield_fn
# option: yield_stress
# expect: [Tensors]/sy is a SR2, expected a Scalar
[Tensors]
  [sy]
    type = Python
    expr = 'SR2.fill(1.0, 2.0, 3.0)'
  []
[]
[Models]
  [yield_fn]
    type = YieldFunction
    yield_stress = 'sy'
  []
[]
