# dependency cycle in a ComposedModel: a needs y from b, b needs x from a
# get: model model
# block: Models/model
# option: models
# expect: dependency cycle: a needs 'y' from b; b needs 'x' from a
[Models]
  [a]
    type = ScalarLinearCombination
    from = 'y'
    to = 'x'
  []
  [b]
    type = ScalarLinearCombination
    from = 'x'
    to = 'y'
  []
  [model]
    type = ComposedModel
    models = 'a b'
  []
[]
