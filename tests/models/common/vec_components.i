# VecComponents: v = (1.5, -2, 0.25) -> x = 1.5, y = -2, z = 0.25
[Models]
  [model]
    type = VecComponents
    from = 'v'
    to = 'x y z'
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
    input_Vec_names = 'v'
    input_Vec_values = '1.5 -2 0.25'
    output_Scalar_names = 'x y z'
    output_Scalar_values = '1.5 -2 0.25'
    check_second_derivatives = true
  []
[]
