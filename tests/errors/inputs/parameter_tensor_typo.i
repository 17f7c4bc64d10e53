# a parameter names a misspelled [Tensors] entry (sy0 for sy), so it becomes an input nothing supplies
# get: driver driver
# block: Drivers/driver
# option: model
# expect: model input 'sy0' (Scalar) is neither prescribed nor a state carried from the model's outputs; prescribe it with prescribed_Scalar_names; or a misspelled [Tensors] name (did you mean 'sy'?)
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, 11, dtype=torch.float64).unsqueeze(-1))'
  []
  [effective_stresses]
    type = Python
    expr = 'Scalar(torch.linspace(0, 100, 11, dtype=torch.float64).unsqueeze(-1))'
  []
  [sy]
    type = Python
    expr = 'Scalar(torch.tensor(5.0, dtype=torch.float64))'
  []
[]
[Drivers]
  [driver]
    type = TransientDriver
    model = 'yield_fn'
    prescribed_time = 'times'
    prescribed_Scalar_names = 'effective_stress'
    prescribed_Scalar_values = 'effective_stresses'
  []
[]
[Models]
  [yield_fn]
    type = YieldFunction
    yield_stress = 'sy0'
  []
[]
