# a [Tensors] Python expression that gives a plain torch tensor, not a typed one
# get: driver driver
# block: Tensors/times
# option: expr
# expect: expression must produce a typed tensor (Scalar, SR2, ...), got Tensor
[Tensors]
  [times]
    type = Python
    expr = 'torch.linspace(0, 1, 11)'
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
