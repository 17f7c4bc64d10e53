# YieldFunction with isotropic hardening: f = sqrt(2/3) (s - sigma_y - k) = sqrt(2/3) (150 - 100 - 20)
#   = sqrt(2/3) 30 = 24.49489742783178
[Models]
  [model]
    type = YieldFunction
    yield_stress = 100
    isotropic_hardening = 'k'
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
    batch_shape = '(2,2)'
    input_Scalar_names = 'effective_stress k'
    input_Scalar_values = '150 20'
    output_Scalar_names = 'yield_function'
    output_Scalar_values = '24.49489742783178'
    check_second_derivatives = true
  []
[]
