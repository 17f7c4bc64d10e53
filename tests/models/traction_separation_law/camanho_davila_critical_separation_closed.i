# CamanhoDavilaCriticalSeparation, closed (delta_n = -0.01 <= 0): delta_c = delta_s0 = S/K = 3/100 = 0.03
[Models]
  [model]
    type = CamanhoDavilaCriticalSeparation
    mode_mixity = 'beta'
    penalty_stiffness = 100
    normal_strength = 2
    shear_strength = 3
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
    input_Scalar_names = 'normal_separation beta'
    input_Scalar_values = '-0.01 0'
    output_Scalar_names = 'critical_separation'
    output_Scalar_values = '0.03'
    check_second_derivatives = true
  []
[]
