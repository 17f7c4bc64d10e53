# FiniteVolumeGradient: grad_u_{i+1/2} = -p_{i+1/2} (u_{i+1} - u_i) / dx_{i+1/2}
# u = (1, 2, 4, 8) on 4 cells, dx = (0.5, 1, 2), p = (2, 3, 0.5) on the 3 interior edges:
#   u_{i+1} - u_i = (1, 2, 4)
#   grad_u = (-2 * 1 / 0.5, -3 * 2 / 1, -0.5 * 4 / 2) = (-4, -6, -1)
[Tensors]
  [u_values]
    type = Python
    expr = 'Scalar(torch.tensor([1.0, 2.0, 4.0, 8.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [spacing]
    type = Python
    expr = 'Scalar(torch.tensor([0.5, 1.0, 2.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [D]
    type = Python
    expr = 'Scalar(torch.tensor([2.0, 3.0, 0.5], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [expected]
    type = Python
    expr = 'Scalar(torch.tensor([-4.0, -6.0, -1.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
[]

[Models]
  [model]
    type = FiniteVolumeGradient
    u = 'u'
    dx = 'spacing'
    prefactor = 'D'
    grad_u = 'grad_u'
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
    input_Scalar_names = 'u'
    input_Scalar_values = 'u_values'
    output_Scalar_names = 'grad_u'
    output_Scalar_values = 'expected'
    check_second_derivatives = true
  []
[]
