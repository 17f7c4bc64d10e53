# ThermalEigenstrain: eps_v = alpha (T - T0) = 1.5e-5 (420 - 300) = 1.8e-3, eps* = eps_v I
# = (0.0018, 0.0018, 0.0018, 0, 0, 0)
[Models]
  [model]
    type = ThermalEigenstrain
    reference_temperature = 300
    CTE = 1.5e-5
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
    input_Scalar_names = 'temperature'
    input_Scalar_values = '420'
    output_SR2_names = 'eigenstrain'
    output_SR2_values = '0.0018 0.0018 0.0018 0 0 0'
    check_second_derivatives = true
  []
[]
