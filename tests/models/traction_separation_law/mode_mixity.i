# ModeMixity, opening branch: delta_n = 0.4 > 0, delta_s = 0.3: beta = 0.3 / 0.4 = 0.75
[Models]
  [model]
    type = ModeMixity
    normal_separation = 'dn'
    tangential_separation = 'ds'
    mode_mixity = 'beta'
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
    input_Scalar_names = 'dn ds'
    input_Scalar_values = '0.4 0.3'
    output_Scalar_names = 'beta'
    output_Scalar_values = '0.75'
    check_second_derivatives = true
  []
[]
