# PowerLawKinematicHardeningStaticRecovery: X_dot = -(s/tau)^(n-1) X/tau, s = sqrt(X:X + eps) (Mandel norm), tau = 200,
# n = 3, X = (20, -10, -10, 5, -3, 4) (shear as tensor components): s^2 = 600 + 2 * 50 = 700,
# X_dot = -700/200^3 X = (-0.00175, 0.000875, 0.000875, -0.0004375, 0.0002625, -0.00035)
[Models]
  [model]
    type = PowerLawKinematicHardeningStaticRecovery
    tau = 200
    n = 3
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
    batch_shape = '(3,)'
    input_SR2_names = 'back_stress'
    input_SR2_values = '20 -10 -10 5 -3 4'
    output_SR2_names = 'back_stress_rate'
    output_SR2_values = '-0.00175 0.000875 0.000875 -0.0004375 0.0002625 -0.00035'
  []
[]
