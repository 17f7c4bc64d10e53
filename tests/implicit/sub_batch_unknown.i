# An unknown with a sub-batch axis of 3 sites, coupled across its sites within each point:
#   x_dot_i = -x_i - 0.5 sum_j |x_j|,  backward Euler  x_i - x~1_i - dt x_dot_i = 0
# (per point a dense 3x3 block). Its extent is declared, as sub_batch.md prescribes.
[Settings]
  [example_batch_shape]
    x = '(4; 3)'
  []
[]

[Models]
  [total]
    type = SumSlipRates
    slip_rates = 'x'
    sum_slip_rates = 'S'
  []
  [rate]
    type = ScalarLinearCombination
    from = 'x S'
    to = 'x_rate'
    weights = '-1 -0.5'
  []
  [integrate]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'x'
  []
  [residual]
    type = ComposedModel
    models = 'total rate integrate'
  []
  [update]
    type = ImplicitUpdate
    equation_system = 'eq'
    solver = 'newton'
  []
[]

[EquationSystems]
  [eq]
    type = NonlinearSystem
    model = 'residual'
    unknowns = 'x'
  []
[]

[Solvers]
  [newton]
    type = Newton
    rel_tol = 1e-12
    abs_tol = 1e-14
  []
[]
