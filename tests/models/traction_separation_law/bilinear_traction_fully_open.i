# BilinearTraction, fully open: K = 100, delta_c = 0.02, delta_f = 0.1; delta_m = 0.15 >= delta_f, so
# d_trial = min(0.1 * 0.13 / (0.15 * 0.08), 1) = min(1.0833, 1) = 1, d = max(0.9, 1) = 1 and T = 0
# (delta_n = 0.12, delta_s = (0.09, 0), no penetration channel)
[Models]
  [model]
    type = BilinearTraction
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
    input_Scalar_names = 'effective_separation normal_separation tangential_separation_1 tangential_separation_2 damage~1'
    input_Scalar_values = '0.15 0.12 0.09 0 0.9'
    output_Vec_names = 'traction'
    output_Vec_values = '0 0 0'
    output_Scalar_names = 'damage'
    output_Scalar_values = '1'
    check_second_derivatives = true
  []
[]
