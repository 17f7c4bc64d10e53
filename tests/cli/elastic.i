# Linear elasticity stepped through a uniaxial-strain history: stress = C : strain, exactly.
# E = 200e3, nu = 0.3, strain_11 = 0.01 at the last step: stress = (2692.3077, 1153.8462, 1153.8462, 0, 0, 0)
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, 5, dtype=torch.float64).unsqueeze(-1).expand(5, 2))'
  []
  [strains]
    type = Python
    expr = 'SR2(torch.linspace(0, 1, 5, dtype=torch.float64)[:, None, None] * torch.tensor([0.01, 0, 0, 0, 0, 0], dtype=torch.float64).expand(2, 6))'
  []
[]

[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '200e3 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]

[Drivers]
  [driver]
    type = TransientDriver
    model = 'elasticity'
    prescribed_time = 'times'
    prescribed_SR2_names = 'strain'
    prescribed_SR2_values = 'strains'
    save_as = 'out/elastic.pt'
  []
[]
