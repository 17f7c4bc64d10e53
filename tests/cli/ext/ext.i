# For the --load tests: types that exist only once tests/cli/ext/*.py is imported.
# nbatch is a HIT variable: `neml2-run ext.i driver nbatch=64` resizes the batch.
nbatch = 2
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, 3, dtype=torch.float64).unsqueeze(-1).expand(3, ${nbatch}))'
  []
  [xs]
    type = Python
    expr = 'Scalar(torch.linspace(0, 2, 3, dtype=torch.float64).unsqueeze(-1).expand(3, ${nbatch}))'
  []
[]
[Models]
  [tripled]
    type = TripledScalar
    c = 2
  []
  [shifted]
    type = ShiftedTriple
    c = 2
  []
[]
[Drivers]
  [driver]
    type = TransientDriver
    model = 'tripled'
    prescribed_time = 'times'
    prescribed_Scalar_names = 'x'
    prescribed_Scalar_values = 'xs'
  []
[]
