# ModeMixity, closed branch: delta_n = -0.2 <= 0: beta = 0 (whatever delta_s = 0.3)
[Models]
  [model]
    type = ModeMixity
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
    input_Scalar_names = 'normal_separation tangential_separation'
    input_Scalar_values = '-0.2 0.3'
    output_Scalar_names = 'mode_mixity'
    output_Scalar_values = '0'
    check_second_derivatives = true
  []
[]
