# KocksMeckingYieldStress from literal parameters: sigma_y = mu exp(C) = 70000 exp(-5.41) = 313.014814794
[Models]
  [model]
    type = KocksMeckingYieldStress
    C = -5.41
    shear_modulus = 70000
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
    batch_shape = '()'
    output_Scalar_names = 'yield_stress'
    output_Scalar_values = '313.01481479438326'
  []
[]
