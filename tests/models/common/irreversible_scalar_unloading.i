# IrreversibleScalar, unloading: y = max(y~1, x) = max(0.5, 0.2) = 0.5
[Models]
  [model]
    type = IrreversibleScalar
    from = 'x'
    to = 'y'
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
    check_second_derivatives = true
    input_Scalar_names = 'x y~1'
    input_Scalar_values = '0.2 0.5'
    output_Scalar_names = 'y'
    output_Scalar_values = '0.5'
  []
[]
