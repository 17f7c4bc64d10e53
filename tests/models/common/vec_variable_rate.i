# VecVariableRate: v_rate = (v - v~1) / (t - t~1) = ((1, 2, 3) - (0.5, 2.5, 3)) / (3 - 2.5) = (1, -1, 0)
[Models]
  [model]
    type = VecVariableRate
    variable = 'v'
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
    batch_shape = '(2,2)'
    input_Vec_names = 'v v~1'
    input_Vec_values = '1 2 3; 0.5 2.5 3'
    input_Scalar_names = 't t~1'
    input_Scalar_values = '3 2.5'
    output_Vec_names = 'v_rate'
    output_Vec_values = '1 -1 0'
    check_second_derivatives = true
  []
[]
