# SR2TwoStageThermalAnnealing above T2 (T = 900 > T2 = 800 > T1 = 600): modified_rate = -base / tau, tau = 50,
# base = (10, -20, 30, 5, 0, -15) (xx yy zz yz xz xy):
#   modified_rate = (-0.2, 0.4, -0.6, -0.1, 0, 0.3); base_rate = (1, 2, 3, 4, 5, 6) is switched off
[Models]
  [model]
    type = SR2TwoStageThermalAnnealing
    base_rate = 'X_rate'
    base = 'X'
    temperature = 'T'
    modified_rate = 'X_rate_annealed'
    T1 = 600
    T2 = 800
    tau = 50
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
    input_Scalar_names = 'T'
    input_Scalar_values = '900'
    input_SR2_names = 'X_rate X'
    input_SR2_values = '1 2 3 4 5 6; 10 -20 30 5 0 -15'
    output_SR2_names = 'X_rate_annealed'
    output_SR2_values = '-0.2 0.4 -0.6 -0.1 0 0.3'
    check_second_derivatives = true
  []
[]
