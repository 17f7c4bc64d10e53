# SymmetricHermiteInterpolation: x = clamp((a - lb) / (ub - lb), 0, 1), output = 3x^2 - 2x^3
# lb = 1, ub = 3, a = 2.5 -> x = 0.75, 3 * 0.5625 - 2 * 0.421875 = 1.6875 - 0.84375 = 0.84375
# (the mirror of a = 1.5 -> 0.15625 about the midpoint 2: 1 - 0.15625 = 0.84375); the output takes the block name
[Models]
  [phi]
    type = SymmetricHermiteInterpolation
    argument = 'a'
    lower_bound = 1
    upper_bound = 3
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'phi'
    batch_shape = '(2,3)'
    input_Scalar_names = 'a'
    input_Scalar_values = '2.5'
    output_Scalar_names = 'phi'
    output_Scalar_values = '0.84375'
    check_second_derivatives = true
  []
[]
