# LinearlyInterpolateToCellEdges on a nonuniform grid:
#   edges x_{i+1/2} = (0, 1, 3, 4, 6), centers x_i = (0.5, 2, 3.5, 5), q = (1, 2, 4, 8) at the centers
#   q_{i+1/2} = (x_{i+1} - x_{i+1/2}) / (x_{i+1} - x_i) q_i + (x_{i+1/2} - x_i) / (x_{i+1} - x_i) q_{i+1}
#   edge 1: (2 - 1) / 1.5 * 1 + (1 - 0.5) / 1.5 * 2 = 2/3 + 2/3 = 4/3
#   edge 3: (3.5 - 3) / 1.5 * 2 + (3 - 2) / 1.5 * 4 = 2/3 + 8/3 = 10/3
#   edge 4: (5 - 4) / 1.5 * 4 + (4 - 3.5) / 1.5 * 8 = 8/3 + 8/3 = 16/3
[Tensors]
  [edges]
    type = Python
    expr = 'Scalar(torch.tensor([0.0, 1.0, 3.0, 4.0, 6.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [centers]
    type = Python
    expr = 'Scalar(torch.tensor([0.5, 2.0, 3.5, 5.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [q_values]
    type = Python
    expr = 'Scalar(torch.tensor([1.0, 2.0, 4.0, 8.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [expected]
    type = Python
    expr = 'Scalar(torch.tensor([4.0, 10.0, 16.0], dtype=torch.float64) / 3, sub_batch_ndim=1)'
  []
[]

[Models]
  [model]
    type = LinearlyInterpolateToCellEdges
    cell_values = 'q'
    cell_centers = 'centers'
    cell_edges = 'edges'
    edge_values = 'q_edge'
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
    batch_shape = '(2,4)'
    input_Scalar_names = 'q'
    input_Scalar_values = 'q_values'
    output_Scalar_names = 'q_edge'
    output_Scalar_values = 'expected'
    check_second_derivatives = true
  []
[]
