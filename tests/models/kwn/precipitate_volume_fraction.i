# PrecipitateVolumeFraction, three bins R = (1, 2, 3) (a [Tensors] table on one sub-batch axis) with the
# same number density n = 0.01 in each:
# f = sum_i 4/3 pi R_i^3 n = 4/3 pi 0.01 (1 + 8 + 27) = 0.48 pi = 1.5079644737231006
[Tensors]
  [R]
    type = Python
    expr = 'Scalar(torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
[]

[Models]
  [model]
    type = PrecipitateVolumeFraction
    radius = 'R'
    number_density = 'n'
    volume_fraction = 'f'
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
    input_Scalar_names = 'n'
    input_Scalar_values = '0.01'
    output_Scalar_names = 'f'
    output_Scalar_values = '1.5079644737231006'
    check_second_derivatives = true
  []
[]
