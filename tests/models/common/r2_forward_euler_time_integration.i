# R2ForwardEulerTimeIntegration: Fp = Fp~1 + (t - t~1) Fp_rate, t - t~1 = 0.25,
# Fp~1 = I, Fp_rate = [[0.4, -0.8, 0], [1.2, 0, 0.4], [0, 0.2, -0.4]]: Fp = [[1.1, -0.2, 0], [0.3, 1, 0.1], [0, 0.05, 0.9]]
[Models]
  [model]
    type = R2ForwardEulerTimeIntegration
    variable = 'Fp'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(3,)'
    input_R2_names = 'Fp~1 Fp_rate'
    input_R2_values = '1 0 0 0 1 0 0 0 1; 0.4 -0.8 0 1.2 0 0.4 0 0.2 -0.4'
    input_Scalar_names = 't t~1'
    input_Scalar_values = '1.25 1'
    output_R2_names = 'Fp'
    output_R2_values = '1.1 -0.2 0 0.3 1 0.1 0 0.05 0.9'
    check_second_derivatives = true
  []
[]
