# CrackGeometricFunctionAT1 (phase_field_fracture.md): alpha(d) = d; at d = 0.3, alpha = 0.3
[Models]
  [model]
    type = CrackGeometricFunctionAT1
    phase = 'd'
    crack = 'alpha'
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
    batch_shape = '(2,3)'
    input_Scalar_names = 'd'
    input_Scalar_values = '0.3'
    output_Scalar_names = 'alpha'
    output_Scalar_values = '0.3'
    check_second_derivatives = true
  []
[]
