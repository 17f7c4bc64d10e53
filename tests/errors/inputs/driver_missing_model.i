# TransientDriver names a model that does not exist
# get: driver driver
# block: Drivers/driver
# option: model
# expect: no block named 'elastcity' in [Models] (did you mean 'elasticity'?)
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
    model = 'elastcity'
    prescribed_time = 'times'
    prescribed_SR2_names = 'strain'
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
