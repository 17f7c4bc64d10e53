# OrthotropicLinearTraction without a penetration channel (K_p unused), K_n = 10, K_t = 4;
# delta_n = -0.1, delta_s = (0.3, -0.2): T = (10 * (-0.1), 4 * 0.3, 4 * (-0.2)) = (-1, 1.2, -0.8)
[Models]
  [model]
    type = OrthotropicLinearTraction
    normal_stiffness = 10
    tangential_stiffness = 4
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
    input_Scalar_names = 'normal_separation tangential_separation_1 tangential_separation_2'
    input_Scalar_values = '-0.1 0.3 -0.2'
    output_Vec_names = 'traction'
    output_Vec_values = '-1 1.2 -0.8'
    check_second_derivatives = true
  []
[]
