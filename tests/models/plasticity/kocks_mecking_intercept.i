# KocksMeckingIntercept with A, B, C given as variables (as demo_model.i wires them from
# ScalarConstantParameter blocks): g0 = (C - B) / A = (-5.41 + 0.744) / -8.679 = 4.666 / 8.679 = 0.537619541422
[Models]
  [model]
    type = KocksMeckingIntercept
    A = 'A'
    B = 'B'
    C = 'C'
    intercept = 'g0'
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
    check_second_derivatives = true
    batch_shape = '(2,3)'
    input_Scalar_names = 'A B C'
    input_Scalar_values = '-8.679 -0.744 -5.41'
    output_Scalar_names = 'g0'
    output_Scalar_values = '0.5376195414218228'
  []
[]
