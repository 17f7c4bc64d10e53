# SmearedDeltaSource: S_i = m exp(-(x_i - x0)^2 / (2 w^2)) / (w sqrt(2 pi))
#   m = 2, x0 = 1.5, w = 0.5, centers x_i = (0.5, 1.5, 2.5, 3.5)
#   m / (w sqrt(2 pi)) = 4 / sqrt(2 pi) = 1.5957691216057308
#   (x_i - x0) / w = (-2, 0, 2, 4)  ->  exp(-z^2 / 2) = (e^-2, 1, e^-2, e^-8)
#   S = (0.21596386605275225, 1.5957691216057308, 0.21596386605275225, 0.0005353209030595415)
[Tensors]
  [centers]
    type = Python
    expr = 'Scalar(torch.tensor([0.5, 1.5, 2.5, 3.5], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [expected]
    type = Python
    expr = 'Scalar(torch.tensor([0.21596386605275225, 1.5957691216057308, 0.21596386605275225, 0.0005353209030595415], dtype=torch.float64), sub_batch_ndim=1)'
  []
[]

[Models]
  [model]
    type = SmearedDeltaSource
    magnitude = 'm'
    location = 'x0'
    width = 0.5
    cell_centers = 'centers'
    smeared_source = 'S'
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
    batch_shape = '(2,)'
    input_Scalar_names = 'm x0'
    input_Scalar_values = '2 1.5'
    output_Scalar_names = 'S'
    output_Scalar_values = 'expected'
    check_second_derivatives = true
  []
[]
