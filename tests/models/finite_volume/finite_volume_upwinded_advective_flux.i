# FiniteVolumeUpwindedAdvectiveFlux: J_{i+1/2} = v+ u_i + v- u_{i+1}, v+- = (v +- |v|) / 2,
# with the edge velocity lifted from the cells by LinearlyInterpolateToCellEdges on a uniform grid
# (edges 0, 1, 2, 3, 4; centers 0.5, 1.5, 2.5, 3.5: the edge value is the mean of its two cells).
#   v_cells = (1, 3, -1, -3)  ->  v_edge = (2, 1, -2)
#   u = (1, 2, 4, 8)
#   J = (2 * u_1, 1 * u_2, -2 * u_4) = (2, 2, -16)
[Tensors]
  [edges]
    type = Python
    expr = 'Scalar(torch.tensor([0.0, 1.0, 2.0, 3.0, 4.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [centers]
    type = Python
    expr = 'Scalar(torch.tensor([0.5, 1.5, 2.5, 3.5], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [u_values]
    type = Python
    expr = 'Scalar(torch.tensor([1.0, 2.0, 4.0, 8.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [v_values]
    type = Python
    expr = 'Scalar(torch.tensor([1.0, 3.0, -1.0, -3.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [expected_v]
    type = Python
    expr = 'Scalar(torch.tensor([2.0, 1.0, -2.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [expected_J]
    type = Python
    expr = 'Scalar(torch.tensor([2.0, 2.0, -16.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
[]

[Models]
  [flux]
    type = FiniteVolumeUpwindedAdvectiveFlux
    u = 'u'
    v_edge = 'v_edge'
    flux = 'J'
  []
  [velocity]
    type = LinearlyInterpolateToCellEdges
    cell_values = 'v_cells'
    cell_centers = 'centers'
    cell_edges = 'edges'
    edge_values = 'v_edge'
  []
  [model]
    type = ComposedModel
    models = 'velocity flux'
    additional_outputs = 'v_edge'
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
    input_Scalar_names = 'u v_cells'
    input_Scalar_values = 'u_values v_values'
    output_Scalar_names = 'v_edge J'
    output_Scalar_values = 'expected_v expected_J'
    check_second_derivatives = true
  []
[]
