# CurrentConcentration, two precipitates: x0 = 0.1, f = (0.02, 0.03), x_p = (0.5, xp2 = 0.2) (the second
# promoted to a variable):
# x_inf = (0.1 - 0.02*0.5 - 0.03*0.2) / (1 - 0.02 - 0.03) = 0.084 / 0.95 = 0.08842105263157895
[Models]
  [model]
    type = CurrentConcentration
    initial_concentration = 0.1
    precipitate_volume_fractions = 'f1 f2'
    precipitate_concentrations = '0.5 xp2'
    current_concentration = 'x'
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
    input_Scalar_names = 'f1 f2 xp2'
    input_Scalar_values = '0.02 0.03 0.2'
    output_Scalar_names = 'x'
    output_Scalar_values = '0.08842105263157895'
    check_second_derivatives = true
  []
[]
