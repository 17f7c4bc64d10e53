# SingleSlipStrengthMap on the 6 cube-slip systems: tau_bar_i = tau_hat + tau_const = 50 + 10 = 60 on each.
[Tensors]
  [sdirs]
    type = Python
    expr = 'MillerIndex(torch.tensor([1, 0, 0]))'
  []
  [splanes]
    type = Python
    expr = 'MillerIndex(torch.tensor([1, 0, 0]))'
  []
  [strengths]
    type = Python
    expr = 'Scalar(torch.full((6,), 60.0, dtype=torch.float64), sub_batch_ndim=1)'
  []
[]

[Data]
  [crystal_geometry]
    type = CubicCrystal
    lattice_parameter = 1
    slip_directions = 'sdirs'
    slip_planes = 'splanes'
  []
[]

[Models]
  [model]
    type = SingleSlipStrengthMap
    constant_strength = 10
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-12
    value_abs_tol = 1e-12
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(3,)'
    check_second_derivatives = true
    input_Scalar_names = 'slip_hardening'
    input_Scalar_values = '50'
    output_Scalar_names = 'slip_strengths'
    output_Scalar_values = 'strengths'
  []
[]
