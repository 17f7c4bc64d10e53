# CrackGeometricFunctionAT2 (phase_field_fracture.md): alpha(d) = d^2; at d = 0.3, alpha = 0.09
[Models]
  [model]
    type = CrackGeometricFunctionAT2
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
    input_Scalar_names = 'phase'
    input_Scalar_values = '0.3'
    output_Scalar_names = 'crack'
    output_Scalar_values = '0.09'
    check_second_derivatives = true
  []
[]
