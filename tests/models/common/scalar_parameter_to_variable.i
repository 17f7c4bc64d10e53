# ScalarParameterToVariable: to = from = 2.5
[Models]
  [model]
    type = ScalarParameterToVariable
    from = 2.5
    to = 'y'
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
    output_Scalar_names = 'y'
    output_Scalar_values = '2.5'
  []
[]
