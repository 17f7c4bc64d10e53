# ScalarLinearCombination with one weight for all variables: to = 3 (x + y) = 3 (2 + 0.75) = 8.25
[Models]
  [model]
    type = ScalarLinearCombination
    from = 'x y'
    to = 'w'
    weights = 3
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
    batch_shape = '()'
    input_Scalar_names = 'x y'
    input_Scalar_values = '2 0.75'
    output_Scalar_names = 'w'
    output_Scalar_values = '8.25'
  []
[]
