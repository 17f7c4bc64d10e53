# BenzeggaghKenaneFullSeparation, opening (delta_n = 0.01 > 0), beta = 1, delta_c = 0.02, K = 100,
# G_Ic = 0.5, G_IIc = 1, eta = 2: (beta^2 / (1 + beta^2))^eta = 0.5^2 = 0.25,
# delta_f = 2 / (100 * 0.02) * (0.5 + (1 - 0.5) * 0.25) = 1 * 0.625 = 0.625
[Models]
  [model]
    type = BenzeggaghKenaneFullSeparation
    normal_separation = 'dn'
    full_separation = 'df'
    mode_mixity = 'beta'
    critical_separation = 'dc'
    penalty_stiffness = 100
    mode_I_fracture_toughness = 0.5
    mode_II_fracture_toughness = 1
    shear_strength = 3
    eta = 2
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
    input_Scalar_names = 'dn beta dc'
    input_Scalar_values = '0.01 1 0.02'
    output_Scalar_names = 'df'
    output_Scalar_values = '0.625'
    check_second_derivatives = true
  []
[]
