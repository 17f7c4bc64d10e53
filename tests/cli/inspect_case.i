# For neml2-inspect: a batched [Tensors] parameter, a literal one, and one promoted to an input.
[Tensors]
  [moduli]
    type = Python
    expr = 'Scalar(torch.tensor([100e3, 150e3, 200e3], dtype=torch.float64))'
  []
[]

[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = 'moduli 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
  [hardening]
    type = LinearIsotropicHardening
    hardening_modulus = 'H'
  []
  [model]
    type = ComposedModel
    models = 'elasticity hardening'
  []
[]
