# SR2BackwardEulerTimeIntegration: r = Ep - Ep~1 - (t - t~1) Ep_rate, t - t~1 = 2 - 1.5 = 0.5
# Ep      = (0.01,  0.02, -0.01, 0.005, 0.0,   -0.002)
# Ep~1    = (0.005, 0.01,  0.0,  0.001, 0.002,  0.0)
# Ep_rate = (0.02,  0.01, -0.03, 0.004, -0.002, -0.006)
# r = (0.005 - 0.01, 0.01 - 0.005, -0.01 + 0.015, 0.004 - 0.002, -0.002 + 0.001, -0.002 + 0.003)
#   = (-0.005, 0.005, 0.005, 0.002, -0.001, 0.001)
[Models]
  [model]
    type = SR2BackwardEulerTimeIntegration
    variable = 'plastic_strain'
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
    input_SR2_names = 'plastic_strain plastic_strain~1 plastic_strain_rate'
    input_SR2_values = '0.01 0.02 -0.01 0.005 0.0 -0.002; 0.005 0.01 0.0 0.001 0.002 0.0; 0.02 0.01 -0.03 0.004 -0.002 -0.006'
    input_Scalar_names = 't t~1'
    input_Scalar_values = '2 1.5'
    output_SR2_names = 'plastic_strain_residual'
    output_SR2_values = '-0.005 0.005 0.005 0.002 -0.001 0.001'
  []
[]
