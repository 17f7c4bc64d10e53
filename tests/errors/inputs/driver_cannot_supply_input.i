# the model needs 'strain' but the driver prescribes 'strains' (a typo), so nothing supplies it
# get: driver driver
# block: Drivers/driver
# option: model
# expect: model input 'strain' (SR2) is neither prescribed nor a state carried from the model's outputs; prescribe it with prescribed_SR2_names
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, 11, dtype=torch.float64).unsqueeze(-1))'
  []
  [strains]
    type = Python
    expr = 'SR2(torch.linspace(0, 1, 11, dtype=torch.float64)[:, None, None] * torch.tensor([0.01, -0.005, -0.005, 0, 0, 0], dtype=torch.float64))'
  []
[]
[Drivers]
  [driver]
    type = TransientDriver
    model = 'elasticity'
    prescribed_time = 'times'
    prescribed_SR2_names = 'strains'
    prescribed_SR2_values = 'strains'
  []
[]
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []

[]
