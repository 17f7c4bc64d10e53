# SR2LinearCombination with the first weight promoted to an input variable 'w' (mode 4):
# to = w a + 1 b = 3 a + b, a = (1, 2, 3, 4, 5, 6), b = (0.5, -1, 2, 0, 1, -2)
# to = (3.5, 5, 11, 12, 16, 16)
[Models]
  [model]
    type = SR2LinearCombination
    from = 'a b'
    to = 'c'
    weights = 'w 1'
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
    check_second_derivatives = true
    batch_shape = '(4,)'
    input_SR2_names = 'a b'
    input_SR2_values = '1 2 3 4 5 6; 0.5 -1 2 0 1 -2'
    input_Scalar_names = 'w'
    input_Scalar_values = '3'
    output_SR2_names = 'c'
    output_SR2_values = '3.5 5 11 12 16 16'
  []
[]
