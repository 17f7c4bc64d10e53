# SR2VariableRate: rate = (E - E~1) / (t - t~1) with time named 'time', t - t~1 = 2 - 1.5 = 0.5, rate named 'Edot'
# E = (0.01, 0.02, -0.01, 0.005, 0.0, -0.002), E~1 = (0.005, 0.01, 0.0, 0.001, 0.002, 0.0)
# rate = 2 (0.005, 0.01, -0.01, 0.004, -0.002, -0.002) = (0.01, 0.02, -0.02, 0.008, -0.004, -0.004)
[Models]
  [model]
    type = SR2VariableRate
    variable = 'E'
    time = 'time'
    variable_rate = 'Edot'
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
    input_SR2_names = 'E E~1'
    input_SR2_values = '0.01 0.02 -0.01 0.005 0.0 -0.002; 0.005 0.01 0.0 0.001 0.002 0.0'
    input_Scalar_names = 'time time~1'
    input_Scalar_values = '2 1.5'
    output_SR2_names = 'Edot'
    output_SR2_values = '0.01 0.02 -0.02 0.008 -0.004 -0.004'
    check_second_derivatives = true
  []
[]
