# LinearIsotropicHardening: k = H ep = 1000 * 0.02 = 20
[Models]
  [model]
    type = LinearIsotropicHardening
    hardening_modulus = 1000
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'model'
    batch_shape = '(3,)'
    input_Scalar_names = 'equivalent_plastic_strain'
    input_Scalar_values = '0.02'
    output_Scalar_names = 'isotropic_hardening'
    output_Scalar_values = '20'
    check_second_derivatives = true
  []
[]
