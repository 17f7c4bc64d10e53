# a [Tensors] Python expression that raises (undefined name)
# get: driver driver
# block: Tensors/strains
# option: expr
# expect: evaluating expression failed: NameError: name 'lnspace' is not defined
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, 11, dtype=torch.float64).unsqueeze(-1))'
  []
  [strains]
    type = Python
    expr = 'SR2(lnspace(0, 1, 11))'
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
