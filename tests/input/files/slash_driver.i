# the "/" model driven by a TransientDriver: forces/T and state/internal/Ee prescribed
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, 3).unsqueeze(-1))'
  []
  [strains]
    type = Python
    expr = 'SR2(torch.linspace(0, 1, 3)[:, None, None] * torch.tensor([0.01, 0, 0, 0, 0, 0]))'
  []
  [temps]
    type = Python
    expr = 'Scalar(torch.full((3, 1), 5.0))'
  []
[]
[Drivers]
  [driver]
    type = TransientDriver
    model = 'model'
    prescribed_time = 'times'
    prescribed_SR2_names = 'state/internal/Ee'
    prescribed_SR2_values = 'strains'
    prescribed_Scalar_names = 'forces/T'
    prescribed_Scalar_values = 'temps'
    show_progress = false
  []
[]
# A composed model whose variables have "/" in their names: O = 2 vonmises(C : Ee) + 3 T
