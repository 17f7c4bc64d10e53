# an unknown [Tensors] type (Pyton)
# get: driver driver
# block: Tensors/strains
# option: type
# expect: unknown type 'Pyton' (did you mean 'Python'
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, 11, dtype=torch.float64).unsqueeze(-1))'
  []
  [strains]
    type = Pyton
    expr = 'SR2.zeros()'
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
