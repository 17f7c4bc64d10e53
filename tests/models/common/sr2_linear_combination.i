# SR2LinearCombination: to = 2 a - 0.5 b (SR2 fill notation, shears Mandel-scaled on both sides)
# a = (1, 2, 3, 4, 5, 6), b = (0.5, -1, 2, 0, 1, -2)
# to = (2 - 0.25, 4 + 0.5, 6 - 1, 8 - 0, 10 - 0.5, 12 + 1) = (1.75, 4.5, 5, 8, 9.5, 13)
[Models]
  [model]
    type = SR2LinearCombination
    from = 'a b'
    to = 'c'
    weights = '2 -0.5'
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
    input_SR2_names = 'a b'
    input_SR2_values = '1 2 3 4 5 6; 0.5 -1 2 0 1 -2'
    output_SR2_names = 'c'
    output_SR2_values = '1.75 4.5 5 8 9.5 13'
    check_second_derivatives = true
  []
[]
