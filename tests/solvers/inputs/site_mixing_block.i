# A per-grain unknown s whose residual couples the grains through their mean:
#   r_g = s_g + 0.5 mean_h(s_h) - f_g.
# Declared structure = 'block', it is refused (the per-site Jacobian would drop the coupling).
[Models]
  [mean]
    type = SR2IntermediateMean
    from = 's'
    to = 'mean_s'
    reduces = 'grain'
  []
  [residual]
    type = SR2LinearCombination
    from = 's mean_s f'
    to = 's_residual'
    weights = '1 0.5 -1'
  []
  [system_model]
    type = ComposedModel
    models = 'mean residual'
  []
  [update]
    type = ImplicitUpdate
    equation_system = 'eq_sys'
    solver = 'newton'
  []
[]

[EquationSystems]
  [eq_sys]
    type = NonlinearSystem
    model = 'system_model'
    unknowns = 's'
    structure = 'block'
  []
[]

[Solvers]
  [newton]
    type = Newton
  []
[]
