# SR2IntermediateMean over the sub-batch axis of 4 grains (the Taylor average), dynamic batch (2,3).
# Stored (Mandel) components:
#   g_1 = ( 1,    2,    3,  0.5, -1,  0.25)
#   g_2 = (-2,    0.5,  4,  1,    2, -0.75)
#   g_3 = ( 0.5, -1.5, -2,  2.5,  0,  1.5 )
#   g_4 = ( 3,    1,   -3,  0,    3,  2   )
#   sum = (2.5, 2, 2, 4, 4, 3); mean = sum / 4 = (0.625, 0.5, 0.5, 1, 1, 0.75)
[Tensors]
  [x]
    type = Python
    expr = 'SR2(torch.tensor([[1.0, 2.0, 3.0, 0.5, -1.0, 0.25], [-2.0, 0.5, 4.0, 1.0, 2.0, -0.75], [0.5, -1.5, -2.0, 2.5, 0.0, 1.5], [3.0, 1.0, -3.0, 0.0, 3.0, 2.0]], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [expected]
    type = Python
    expr = 'SR2(torch.tensor([0.625, 0.5, 0.5, 1.0, 1.0, 0.75], dtype=torch.float64))'
  []
[]

[Models]
  [model]
    type = SR2IntermediateMean
    from = 'cauchy_stress'
    to = 'mean_cauchy_stress'
    reduces = 'grain'
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
    batch_shape = '(2,3,4)'
    input_SR2_names = 'cauchy_stress'
    input_SR2_values = 'x'
    output_SR2_names = 'mean_cauchy_stress'
    output_SR2_values = 'expected'
    check_second_derivatives = true
  []
[]
