# BilinearTraction, unloaded in compression: K = 100, delta_c = 0.02, delta_f = 0.1; delta_m = 0.01 < delta_c
# (d_trial = 0), <delta_n>_+ = 0, <delta_n>_- = -0.01, delta_s = (0.01, 0), d~1 = 0.2: d = max(0.2, 0) = 0.2,
# T_n = 100 * 0.8 * 0 + 100 * (-0.01) = -1, T_s1 = 100 * 0.8 * 0.01 = 0.8, T_s2 = 0
[Models]
  [model]
    type = BilinearTraction
    normal_penetration = 'normal_penetration'
    penalty_stiffness = 100
    critical_separation = 0.02
    full_separation = 0.1
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
    input_Scalar_names = 'effective_separation normal_separation normal_penetration tangential_separation_1 tangential_separation_2 damage~1'
    input_Scalar_values = '0.01 0 -0.01 0.01 0 0.2'
    output_Vec_names = 'traction'
    output_Vec_values = '-1 0.8 0'
    output_Scalar_names = 'damage'
    output_Scalar_values = '0.2'
    check_second_derivatives = true
  []
[]
