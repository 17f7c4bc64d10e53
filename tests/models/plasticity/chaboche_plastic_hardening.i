# ChabochePlasticHardening: X_dot = (2/3 C N - g X) gamma_dot - A s^(a-1) X, s = sqrt(X:X + eps) (Mandel norm),
# C = 1000, g = 10, A = 0.01, a = 2.5, gamma_dot = 0.2, N = (0.8, -0.4, -0.4, 0.1, 0, 0.2),
# X = (20, -10, -10, 5, -3, 4) (shear as tensor components): X:X = 600 + 2 * 50 = 700, s = 26.457513110645905
# X_dot = (39.44883488127118, -19.72441744063559, -19.72441744063559, -3.471124613015539, 10.082674767809323,
#          13.223100309587569)
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
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'model'
    batch_shape = '(3,)'
    input_Scalar_names = 'flow_rate'
    input_Scalar_values = '0.2'
    input_SR2_names = 'flow_direction back_stress'
    input_SR2_values = '0.8 -0.4 -0.4 0.1 0 0.2; 20 -10 -10 5 -3 4'
    output_SR2_names = 'back_stress_rate'
    output_SR2_values = '39.44883488127118 -19.72441744063559 -19.72441744063559 -3.471124613015539 10.082674767809323 13.223100309587569'
  []
[]
