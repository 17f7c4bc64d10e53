# PowerDegradationFunction (phase_field_fracture.md): g(d) = (1 - d)^p (1 - eta) + eta;
# d = 0.3, p = 2, eta = 0.01: (0.7)^2 = 0.49, g = 0.49 * 0.99 + 0.01 = 0.4851 + 0.01 = 0.4951
[Models]
  [model]
    type = PowerDegradationFunction
    phase = 'd'
    degradation = 'g'
    power = 2
    eta = 0.01
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
    input_Scalar_names = 'd'
    input_Scalar_values = '0.3'
    output_Scalar_names = 'g'
    output_Scalar_values = '0.4951'
    check_second_derivatives = true
  []
[]
