# BilinearTraction, softening (loading): K = 100, delta_c = 0.02, delta_f = 0.1 (given as variables dc, df),
# delta_m = 0.06, <delta_n>_+ = 0.02, <delta_n>_- = -0.001, delta_s = (0.04, 0.04), d~1 = 0.5:
# d_trial = 0.1 (0.06 - 0.02) / (0.06 (0.1 - 0.02)) = 0.004 / 0.0048 = 0.833333333333333 > d~1, so d = 0.8333...
# K (1 - d) = 100 / 6 = 16.6666...; T_n = 16.666 * 0.02 + 100 * (-0.001) = 0.333333 - 0.1 = 0.233333333333333,
# T_s1 = T_s2 = 16.666 * 0.04 = 0.666666666666667
[Models]
  [model]
    type = BilinearTraction
    effective_separation = 'dm'
    normal_separation = 'dn'
    normal_penetration = 'dp'
    tangential_separation_1 = 'ds1'
    tangential_separation_2 = 'ds2'
    traction = 'T'
    damage = 'd'
    penalty_stiffness = 100
    critical_separation = 'dc'
    full_separation = 'df'
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
    input_Scalar_names = 'dm dn dp ds1 ds2 d~1 dc df'
    input_Scalar_values = '0.06 0.02 -0.001 0.04 0.04 0.5 0.02 0.1'
    output_Vec_names = 'T'
    output_Vec_values = '0.233333333333333 0.666666666666667 0.666666666666667'
    output_Scalar_names = 'd'
    output_Scalar_values = '0.833333333333333'
    check_second_derivatives = true
  []
[]
