# x' = k (f - x), integrated by backward Euler: r = x - x~1 - (t - t~1) k (f - x).
# k enters as the two weights of the rate (-k on x, +k on f), both 2.0 here.
[Models]
  [rate]
    type = ScalarLinearCombination
    from = 'x f'
    to = 'x_rate'
    weights = '-2 2'
  []
  [integrate]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'x'
  []
  [residual]
    type = ComposedModel
    models = 'rate integrate'
  []
[]

[EquationSystems]
  [eq_sys]
    type = NonlinearSystem
    model = 'residual'
    unknowns = 'x'
  []
[]
