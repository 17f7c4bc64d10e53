# HermiteSmoothStep: x = clamp((a - lb) / (ub - lb), 0, 1), value = 3x^2 - 2x^3, complement = true -> 1 - value
# lb = 1, ub = 3, a = 1.5 -> x = 0.25, 3x^2 - 2x^3 = 0.1875 - 0.03125 = 0.15625, complement -> 0.84375
[Models]
  [model]
    type = HermiteSmoothStep
    argument = 'a'
    value = 'v'
    lower_bound = 1
    upper_bound = 3
    complement = true
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(3,)'
    input_Scalar_names = 'a'
    input_Scalar_values = '1.5'
    output_Scalar_names = 'v'
    output_Scalar_values = '0.84375'
    check_second_derivatives = true
  []
[]
