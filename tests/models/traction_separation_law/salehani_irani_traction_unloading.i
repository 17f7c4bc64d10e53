# SalehaniIraniTraction, unloaded in compression: delta_n0 = 0.1, delta_t0 = 0.2, sigma_max = 2, tau_max = 1,
# K_p = 100; delta_n = 0, delta_p = -0.01, delta_s = (0.1, 0), d~1 = 0.5: b = 0.25, 1 - e^-0.25 = 0.2212 < 0.5, d = 0.5,
# T_n = 100 * (-0.01) = -1, T_s1 = sqrt(2e) / 0.2 * (1 - 0.5) * 0.1 = 0.25 sqrt(2e) = 0.582910995399281, T_s2 = 0
[Models]
  [model]
    type = SalehaniIraniTraction
    normal_penetration = 'normal_penetration'
    normal_characteristic_length = 0.1
    tangential_characteristic_length = 0.2
    normal_strength = 2
    shear_strength = 1
    penalty_stiffness = 100
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
    input_Scalar_names = 'normal_separation normal_penetration tangential_separation_1 tangential_separation_2 damage~1'
    input_Scalar_values = '0 -0.01 0.1 0 0.5'
    output_Vec_names = 'traction'
    output_Vec_values = '-1 0.582910995399281 0'
    output_Scalar_names = 'damage'
    output_Scalar_values = '0.5'
    check_second_derivatives = true
  []
[]
