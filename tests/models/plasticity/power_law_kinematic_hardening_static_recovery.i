# PowerLawKinematicHardeningStaticRecovery: X_dot = -(s/tau)^(n-1) X/tau, s = sqrt(3/2 X:X), tau = 200, n = 3,
# X = (20, -10, -10, 5, -3, 4): s^2 = 1029, X_dot = -1029/200^3 X
#   = (-0.002625, 0.0013125, 0.0013125, -0.00065625, 0.00039375, -0.000525)
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
    model = 'model'
    batch_shape = '(3,)'
    input_SR2_names = 'back_stress'
    input_SR2_values = '20 -10 -10 5 -3 4'
    output_SR2_names = 'back_stress_rate'
    output_SR2_values = '-0.002625 0.0013125 0.0013125 -0.00065625 0.00039375 -0.000525'
  []
[]
