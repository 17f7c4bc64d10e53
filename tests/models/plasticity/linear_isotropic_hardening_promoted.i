# LinearIsotropicHardening with the modulus promoted to an input variable 'H' (mode 4):
# k = H ep = 1000 * 0.02 = 20
[Models]
  [model]
    type = LinearIsotropicHardening
    hardening_modulus = 'H'
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
    check_second_derivatives = true
    batch_shape = '(3,)'
    input_Scalar_names = 'equivalent_plastic_strain H'
    input_Scalar_values = '0.02 1000'
    output_Scalar_names = 'isotropic_hardening'
    output_Scalar_values = '20'
  []
[]
