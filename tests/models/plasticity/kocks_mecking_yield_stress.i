# KocksMeckingYieldStress with C and mu given as variables (demo_model.i wires them to a constant and a
# temperature table): sigma_y = mu exp(C) = 70000 exp(-5.41) = 70000 * 0.00447164021135 = 313.014814794
[Models]
  [model]
    type = KocksMeckingYieldStress
    C = 'C'
    shear_modulus = 'mu'
    yield_stress = 'sy'
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
    check_second_derivatives = true
    batch_shape = '(2,3)'
    input_Scalar_names = 'C mu'
    input_Scalar_values = '-5.41 70000'
    output_Scalar_names = 'sy'
    output_Scalar_values = '313.01481479438326'
  []
[]
