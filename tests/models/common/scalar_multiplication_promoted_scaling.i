# ScalarMultiplication, all reciprocal (one flag for all) and the scaling promoted to a variable 's':
# to = s / (a b) = 6 / (2 * 1.5) = 2
[Models]
  [model]
    type = ScalarMultiplication
    from = 'a b'
    to = 'd'
    scaling = 's'
    reciprocal = true
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
    input_Scalar_names = 'a b s'
    input_Scalar_values = '2 1.5 6'
    output_Scalar_names = 'd'
    output_Scalar_values = '2'
    check_second_derivatives = true
  []
[]
