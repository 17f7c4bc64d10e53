# SR2IntermediateDiff, n = 2, along the SECOND of two sub-batch axes (dim = 1; 2 x 4 sites), dynamic
# batch (3,). Stored (Mandel) components x[r, k] = s_r c_k g with
#   s = (1, -2), c = (1, 3, 2, 5), g = (1, 2, 3, 0.5, -1, 0.25)
#   first differences of c: (3 - 1, 2 - 3, 5 - 2) = (2, -1, 3); second: (-1 - 2, 3 + 1) = (-3, 4)
# to[r, k] = s_r (-3, 4)_k g:
#   r = 0: -3 g = (-3, -6, -9, -1.5, 3, -0.75),   4 g = ( 4,   8,  12,  2, -4,  1)
#   r = 1:  6 g = ( 6, 12, 18,  3,  -6, 1.5 ),   -8 g = (-8, -16, -24, -4,  8, -2)
[Tensors]
  [x]
    type = Python
    expr = 'SR2(torch.tensor([1.0, -2.0], dtype=torch.float64)[:, None, None] * torch.tensor([1.0, 3.0, 2.0, 5.0], dtype=torch.float64)[None, :, None] * torch.tensor([1.0, 2.0, 3.0, 0.5, -1.0, 0.25], dtype=torch.float64), sub_batch_ndim=2)'
  []
  [expected]
    type = Python
    expr = 'SR2(torch.tensor([[[-3.0, -6.0, -9.0, -1.5, 3.0, -0.75], [4.0, 8.0, 12.0, 2.0, -4.0, 1.0]], [[6.0, 12.0, 18.0, 3.0, -6.0, 1.5], [-8.0, -16.0, -24.0, -4.0, 8.0, -2.0]]], dtype=torch.float64), sub_batch_ndim=2)'
  []
[]

[Models]
  [model]
    type = SR2IntermediateDiff
    from = 'x'
    to = 'd2x'
    dim = 1
    n = 2
    reduces = 'site'
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
    batch_shape = '(3,2,4)'
    input_SR2_names = 'x'
    input_SR2_values = 'x'
    output_SR2_names = 'd2x'
    output_SR2_values = 'expected'
    check_second_derivatives = true
  []
[]
