# FiniteVolumeAppendBoundaryCondition, chained once per side as in finite_volume.md:
#   J = (1, 2, 3) on the interior edges, left value 0.5, right value -1
#   J_with_bc_left             = (0.5, 1, 2, 3)
#   J_with_bc_left_with_bc_right = (0.5, 1, 2, 3, -1)
[Tensors]
  [J_values]
    type = Python
    expr = 'Scalar(torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [expected_left]
    type = Python
    expr = 'Scalar(torch.tensor([0.5, 1.0, 2.0, 3.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [expected_both]
    type = Python
    expr = 'Scalar(torch.tensor([0.5, 1.0, 2.0, 3.0, -1.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
[]

[Models]
  [left_bc]
    type = FiniteVolumeAppendBoundaryCondition
    input = 'J'
    bc_value = 0.5
    side = 'left'
  []
  [right_bc]
    type = FiniteVolumeAppendBoundaryCondition
    input = 'J_with_bc_left'
    bc_value = -1
    side = 'right'
  []
  [model]
    type = ComposedModel
    models = 'left_bc right_bc'
    additional_outputs = 'J_with_bc_left'
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
    batch_shape = '(2,3)'
    input_Scalar_names = 'J'
    input_Scalar_values = 'J_values'
    output_Scalar_names = 'J_with_bc_left J_with_bc_left_with_bc_right'
    output_Scalar_values = 'expected_left expected_both'
    check_second_derivatives = true
  []
[]
