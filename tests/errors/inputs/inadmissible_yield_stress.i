# a negative yield stress
# get: model yield_function
# block: Models/yield_function
# option: yield_stress
# expect: yield stress must be non-negative, got -10
[Models]
  [yield_function]
    type = YieldFunction
    yield_stress = -10
  []
[]
