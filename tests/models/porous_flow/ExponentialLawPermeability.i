# ExponentialLawPermeability, K_0 = 2, phi_0 = 0.2, a = 5:  K = 2 exp(-5 (phi - 0.2))
#   phi = 0.1: 2 e^0.5  = 2 * 1.648721270700 = 3.297442541400
#   phi = 0.3: 2 e^-0.5 = 2 * 0.606530659713 = 1.213061319425
#   phi = 0.4: 2 e^-1   = 2 * 0.367879441171 = 0.735758882343
[Tensors]
  [phi]
    type = Python
    expr = 'Scalar(torch.tensor([0.1, 0.3, 0.4], dtype=torch.float64))'
  []
  [K]
    type = Python
    expr = 'Scalar(torch.tensor([3.297442541400, 1.213061319425, 0.735758882343], dtype=torch.float64))'
  []
[]

[Models]
  [model]
    type = ExponentialLawPermeability
    reference_permeability = 2
    reference_porosity = 0.2
    scale = 5
    porosity = 'phi'
    permeability = 'K'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-11
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
