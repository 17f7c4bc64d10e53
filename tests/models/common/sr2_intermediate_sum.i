# SR2IntermediateSum over the FIRST of two sub-batch axes (3 grains x 2 sites), dynamic batch (2,).
# Stored (Mandel) components, x[i, j] = g_i * (j + 1):
#   g_1 = ( 1,    2,    3,  0.5, -1,  0.25)
#   g_2 = (-2,    0.5,  4,  1,    2, -0.75)
#   g_3 = ( 0.5, -1.5, -2,  2.5,  0,  1.5 )
#   g_1 + g_2 + g_3 = (-0.5, 1, 5, 4, 1, 1)
# to[j] = sum_i x[i, j] = (j + 1) (-0.5, 1, 5, 4, 1, 1): j = 0: (-0.5, 1, 5, 4, 1, 1), j = 1: (-1, 2, 10, 8, 2, 2)
# (the remaining sub-batch axis of 2 sites stays).
[Tensors]
  [x]
    type = Python
    expr = 'SR2(torch.tensor([[1.0, 2.0, 3.0, 0.5, -1.0, 0.25], [-2.0, 0.5, 4.0, 1.0, 2.0, -0.75], [0.5, -1.5, -2.0, 2.5, 0.0, 1.5]], dtype=torch.float64)[:, None, :] * torch.tensor([1.0, 2.0], dtype=torch.float64)[None, :, None], sub_batch_ndim=2)'
  []
  [expected]
    type = Python
    expr = 'SR2(torch.tensor([[-0.5, 1.0, 5.0, 4.0, 1.0, 1.0], [-1.0, 2.0, 10.0, 8.0, 2.0, 2.0]], dtype=torch.float64), sub_batch_ndim=1)'
  []
[]

[Models]
  [model]
    type = SR2IntermediateSum
    from = 'grain_stress'
    to = 'total_stress'
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
    batch_shape = '(2,3,2)'
    input_SR2_names = 'grain_stress'
    input_SR2_values = 'x'
    output_SR2_names = 'total_stress'
    output_SR2_values = 'expected'
    check_second_derivatives = true
  []
[]
