# RateLimitedPrecipitateGrowthRate on three bins R = (1, 2, 4) (a [Tensors] table on one sub-batch axis):
# x_inf = 0.15, x_eq = 0.1, dx = x_p - x_eq = 0.5, D = 2 (promoted to a variable):
# R_dot_i = 2 (0.15 - 0.1) / (0.5 R_i) = 0.2 / R_i = (0.2, 0.1, 0.05)
[Tensors]
  [R]
    type = Python
    expr = 'Scalar(torch.tensor([1.0, 2.0, 4.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [Rdot]
    type = Python
    expr = 'Scalar(torch.tensor([0.2, 0.1, 0.05], dtype=torch.float64), sub_batch_ndim=1)'
  []
[]

[Models]
  [model]
    type = RateLimitedPrecipitateGrowthRate
    radius = 'R'
    current_concentration = 'x'
    equilibrium_concentration = 0.1
    concentration_difference = 0.5
    diffusivity = 'D'
    growth_rate = 'Rdot'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'model'
    batch_shape = '(2,)'
    input_Scalar_names = 'x D'
    input_Scalar_values = '0.15 2'
    output_Scalar_names = 'Rdot'
    output_Scalar_values = 'Rdot'
    check_second_derivatives = true
  []
[]
