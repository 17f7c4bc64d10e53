# OrthotropicLinearTraction, K_n = 10, K_t = 4, K_p = 50; delta_n = 0.1, delta_p = -0.01, delta_s = (0.3, -0.2):
# T_n = 10 * 0.1 + 50 * (-0.01) = 0.5, T_s1 = 4 * 0.3 = 1.2, T_s2 = 4 * (-0.2) = -0.8
[Models]
  [model]
    type = OrthotropicLinearTraction
    normal_separation = 'dn'
    normal_penetration = 'dp'
    tangential_separation_1 = 'ds1'
    tangential_separation_2 = 'ds2'
    traction = 'T'
    normal_stiffness = 10
    tangential_stiffness = 4
    penalty_stiffness = 50
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
    batch_shape = '(2,3)'
    input_Scalar_names = 'dn dp ds1 ds2'
    input_Scalar_values = '0.1 -0.01 0.3 -0.2'
    output_Vec_names = 'T'
    output_Vec_values = '0.5 1.2 -0.8'
    check_second_derivatives = true
  []
[]
