# PowerLawPermeability, K_0 = 2, phi_0 = 0.2, p = 3:  K = 2 (phi / 0.2)^3
#   phi = 0.1: 2 * 0.5^3 = 0.25
#   phi = 0.3: 2 * 1.5^3 = 2 * 3.375 = 6.75
#   phi = 0.4: 2 * 2^3 = 16
[Tensors]
  [phi]
    type = Python
    expr = 'Scalar(torch.tensor([0.1, 0.3, 0.4], dtype=torch.float64))'
  []
  [K]
    type = Python
    expr = 'Scalar(torch.tensor([0.25, 6.75, 16.0], dtype=torch.float64))'
  []
[]

[Models]
  [model]
    type = PowerLawPermeability
    reference_permeability = 2
    reference_porosity = 0.2
    exponent = 3
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
