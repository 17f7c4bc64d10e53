# DumpInSmallestBin: the whole magnitude m = 3 into the bin of the smallest center, 0 elsewhere
#   centers (0.5, 1.5, 2.5, 3.5): smallest is bin 1  ->  S = (3, 0, 0, 0)
#   centers (4, 3, 0.2, 1) (unordered): smallest is bin 3  ->  S2 = (0, 0, 3, 0)
[Tensors]
  [centers]
    type = Python
    expr = 'Scalar(torch.tensor([0.5, 1.5, 2.5, 3.5], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [shuffled_centers]
    type = Python
    expr = 'Scalar(torch.tensor([4.0, 3.0, 0.2, 1.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [expected]
    type = Python
    expr = 'Scalar(torch.tensor([3.0, 0.0, 0.0, 0.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [expected_shuffled]
    type = Python
    expr = 'Scalar(torch.tensor([0.0, 0.0, 3.0, 0.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
[]

[Models]
  [dump]
    type = DumpInSmallestBin
    magnitude = 'm'
    cell_centers = 'centers'
    dumped_source = 'S'
  []
  [dump_shuffled]
    type = DumpInSmallestBin
    magnitude = 'm'
    cell_centers = 'shuffled_centers'
    dumped_source = 'S2'
  []
  [model]
    type = ComposedModel
    models = 'dump dump_shuffled'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(3,)'
    input_Scalar_names = 'm'
    input_Scalar_values = '3'
    output_Scalar_names = 'S S2'
    output_Scalar_values = 'expected expected_shuffled'
    check_second_derivatives = true
  []
[]
