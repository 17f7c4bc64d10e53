# KocksMeckingFlowSwitch with the default sharpness s = 1 and g0 promoted to a variable (demo_model.i
# takes it from KocksMeckingIntercept): g = 0.2, g0 = 0.7, h = (1 + tanh(-0.5)) / 2,
# tanh(0.5) = 0.462117157260, h = 0.268941421370; gamma_dot = (1 - h) 3 + h 1 = 3 - 2 h = 2.46211715726
[Models]
  [model]
    type = KocksMeckingFlowSwitch
    activation_energy = 'g'
    rate_independent_flow_rate = 'ri'
    rate_dependent_flow_rate = 'rd'
    flow_rate = 'gamma_dot'
    g0 = 'g0'
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
    batch_shape = '(4,)'
    input_Scalar_names = 'g ri rd g0'
    input_Scalar_values = '0.2 3 1 0.7'
    output_Scalar_names = 'gamma_dot'
    output_Scalar_values = '2.4621171572600096'
  []
[]
