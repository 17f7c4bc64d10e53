# YieldFunction without hardening: f = sqrt(2/3) (s - sigma_y) = sqrt(2/3) (150 - 100) = 40.8248290463863
[Models]
  [model]
    type = YieldFunction
    yield_stress = 100
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
    input_Scalar_names = 'effective_stress'
    input_Scalar_values = '150'
    output_Scalar_names = 'yield_function'
    output_Scalar_values = '40.8248290463863'
    check_second_derivatives = true
  []
[]
