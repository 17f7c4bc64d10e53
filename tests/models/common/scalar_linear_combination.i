# ScalarLinearCombination: to = 1.5 x - 2 y + 0.25 z + 0.5 with x = 2, y = 0.75, z = -4
# to = 3 - 1.5 - 1 + 0.5 = 1
[Models]
  [model]
    type = ScalarLinearCombination
    from = 'x y z'
    to = 'w'
    weights = '1.5 -2 0.25'
    offset = 0.5
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
    batch_shape = '(5,)'
    input_Scalar_names = 'x y z'
    input_Scalar_values = '2 0.75 -4'
    output_Scalar_names = 'w'
    output_Scalar_values = '1'
    check_second_derivatives = true
  []
[]
