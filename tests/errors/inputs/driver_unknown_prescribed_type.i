# an option for a prescribed type that does not exist (prescribed_SR3_names)
# get: driver driver
# block: Drivers/driver
# option: prescribed_SR3_names
# expect: unknown option (did you mean 'prescribed_SR2_names'
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
    prescribed_SR3_names = 'strain'
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
