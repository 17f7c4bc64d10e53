# BenzeggaghKenaneFullSeparation, closed (delta_n = -0.01 <= 0), pure mode II: delta_f = 2 G_IIc / S = 2 * 1 / 3
[Models]
  [model]
    type = BenzeggaghKenaneFullSeparation
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
    batch_shape = '(3,)'
    input_Scalar_names = 'normal_separation beta dc'
    input_Scalar_values = '-0.01 0 0.03'
    output_Scalar_names = 'full_separation'
    output_Scalar_values = '0.666666666666667'
    check_second_derivatives = true
  []
[]
