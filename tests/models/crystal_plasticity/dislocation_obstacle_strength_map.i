# DislocationObstacleStrengthMap: tau_bar = tau_const + alpha mu b sqrt(rho) = 50 + 0.3 * 1000 * 0.25 * sqrt(4) = 50 + 150 = 200
[Models]
  [model]
    type = DislocationObstacleStrengthMap
    constant_strength = 50
    alpha = 0.3
    mu = 1000
    b = 0.25
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
    input_Scalar_names = 'dislocation_density'
    input_Scalar_values = '4'
    output_Scalar_names = 'slip_strengths'
    output_Scalar_values = '200'
    check_second_derivatives = true
  []
[]
