# LinearIsotropicHardening whose modulus is another model's output (mode 3): a ScalarConstantParameter
# block named H (output named after the block) with value 1000, pulled into the composition.
# k = H ep = 1000 * 0.02 = 20
[Models]
  [H]
    type = ScalarConstantParameter
    value = 1000
  []
  [hardening]
    type = LinearIsotropicHardening
    hardening_modulus = 'H'
  []
  [model]
    type = ComposedModel
    models = 'hardening'
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
    batch_shape = '(2,)'
    input_Scalar_names = 'equivalent_plastic_strain'
    input_Scalar_values = '0.02'
    output_Scalar_names = 'isotropic_hardening'
    output_Scalar_values = '20'
  []
[]
