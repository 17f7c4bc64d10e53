# VolumeChangeEigenstrain: V / V0 = 2.662 / 2 = 1.331 = 1.1^3, eps_v = (V / V0)^(1/3) - 1 = 0.1,
# eps* = eps_v I = (0.1, 0.1, 0.1, 0, 0, 0)
[Models]
  [model]
    type = VolumeChangeEigenstrain
    reference_volume = 2
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
    batch_shape = '(2,3)'
    input_Scalar_names = 'volume'
    input_Scalar_values = '2.662'
    output_SR2_names = 'eigenstrain'
    output_SR2_values = '0.1 0.1 0.1 0 0 0'
    check_second_derivatives = true
  []
[]
