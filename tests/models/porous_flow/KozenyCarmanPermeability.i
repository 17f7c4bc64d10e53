# KozenyCarmanPermeability, K_0 = 1.5, phi_0 = 0.2, n = 3, m = 2:
#   K = 1.5 (phi / (1 - phi))^3 / (0.2 / 0.8)^2 = 1.5 (phi / (1 - phi))^3 / 0.0625 = 24 (phi / (1 - phi))^3
#   phi = 0.2:  24 * 0.25^3 = 24 / 64 = 0.375
#   phi = 0.25: 24 * (1/3)^3 = 24 / 27 = 0.888888888889
#   phi = 0.5:  24 * 1^3 = 24
[Tensors]
  [phi]
    type = Python
    expr = 'Scalar(torch.tensor([0.2, 0.25, 0.5], dtype=torch.float64))'
  []
  [K]
    type = Python
    expr = 'Scalar(torch.tensor([0.375, 24.0 / 27.0, 24.0], dtype=torch.float64))'
  []
[]

[Models]
  [model]
    type = KozenyCarmanPermeability
    reference_permeability = 1.5
    reference_porosity = 0.2
    n = 3
    m = 2
    porosity = 'phi'
    permeability = 'K'
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
    output_Scalar_names = 'K'
    output_Scalar_values = 'K'
    check_second_derivatives = true
  []
[]
