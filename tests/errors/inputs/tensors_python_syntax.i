# a [Tensors] Python expression with a Python syntax error (unbalanced parenthesis)
# get: driver driver
# block: Tensors/strains
# option: expr
# expect: evaluating expression failed: SyntaxError:
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, 11, dtype=torch.float64).unsqueeze(-1))'
  []
  [strains]
    type = Python
    expr = 'SR2.zeros(11, 1'
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
