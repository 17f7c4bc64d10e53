# SalehaniIraniTraction, loading: delta_n0 = 0.1, delta_t0 = 0.2, sigma_max = 2, tau_max = 1 (K_p = 0, no
# penetration channel); delta_n = 0.05, delta_s = (0.1, 0.1), d~1 = 0.3:
# b = 0.05/0.1 + (0.1/0.2)^2 + (0.1/0.2)^2 = 1, d = max(0.3, 1 - e^-1) = 0.632120558828558,
# T_n = e * 2 * (0.05 / 0.1) * e^-1 = 1, T_s1 = T_s2 = sqrt(2e) * 1 * (0.1 / 0.2) * e^-1 = 0.5 sqrt(2/e) = 0.428881942480353
[Models]
  [model]
    type = SalehaniIraniTraction
    normal_separation = 'dn'
    tangential_separation_1 = 'ds1'
    tangential_separation_2 = 'ds2'
    traction = 'T'
    damage = 'd'
    normal_characteristic_length = 0.1
    tangential_characteristic_length = 0.2
    normal_strength = 2
    shear_strength = 1
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
    input_Scalar_names = 'dn ds1 ds2 d~1'
    input_Scalar_values = '0.05 0.1 0.1 0.3'
    output_Vec_names = 'T'
    output_Vec_values = '1 0.428881942480353 0.428881942480353'
    output_Scalar_names = 'd'
    output_Scalar_values = '0.632120558828558'
    check_second_derivatives = true
  []
[]
