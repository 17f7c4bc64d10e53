# ChabochePlasticHardening: X_dot = (2/3 C N - g X) gamma_dot - A s^(a-1) X, s = sqrt(3/2 X:X),
# C = 1000, g = 10, A = 0.01, a = 2.5, gamma_dot = 0.2, N = (0.8, -0.4, -0.4, 0.1, 0, 0.2),
# X = (20, -10, -10, 5, -3, 4): s = sqrt(1.5 * 686) = 32.07802986469088
# X_dot = (29.77553566386804, -14.88776783193402, -14.88776783193402, -5.889449417366324, 11.533669650419794,
#          11.288440466106941)
[Models]
  [model]
    type = ChabochePlasticHardening
    C = 1000
    g = 10
    A = 0.01
    a = 2.5
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'model'
    batch_shape = '(3,)'
    input_Scalar_names = 'flow_rate'
    input_Scalar_values = '0.2'
    input_SR2_names = 'flow_direction back_stress'
    input_SR2_values = '0.8 -0.4 -0.4 0.1 0 0.2; 20 -10 -10 5 -3 4'
    output_SR2_names = 'back_stress_rate'
    output_SR2_values = '29.77553566386804 -14.88776783193402 -14.88776783193402 -5.889449417366324 11.533669650419794 11.288440466106941'
  []
[]
