# EffectiveSaturation, S_r = 0.1, phi_max = 0.4:  S_e = (phi / 0.4 - 0.1) / 0.9
#   phi = 0.1:  (0.25 - 0.1) / 0.9 = 0.15 / 0.9 = 1/6 = 0.166666666667
#   phi = 0.2:  (0.5 - 0.1) / 0.9 = 0.4 / 0.9 = 4/9 = 0.444444444444
#   phi = 0.36: (0.9 - 0.1) / 0.9 = 0.8 / 0.9 = 8/9 = 0.888888888889
[Tensors]
  [phi]
    type = Python
    expr = 'Scalar(torch.tensor([0.1, 0.2, 0.36], dtype=torch.float64))'
  []
  [Se]
    type = Python
    expr = 'Scalar(torch.tensor([1.0 / 6.0, 4.0 / 9.0, 8.0 / 9.0], dtype=torch.float64))'
  []
[]

[Models]
  [model]
    type = EffectiveSaturation
    residual_saturation = 0.1
    max_fraction = 0.4
    fluid_fraction = 'phi'
    effective_saturation = 'Se'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-10
    value_abs_tol = 1e-12
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(2,3)'
    input_Scalar_names = 'phi'
    input_Scalar_values = 'phi'
    output_Scalar_names = 'Se'
    output_Scalar_values = 'Se'
    check_second_derivatives = true
  []
[]
