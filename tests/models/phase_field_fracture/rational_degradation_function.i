# RationalDegradationFunction (phase_field_fracture.md):
#   g(d) = (1 - d)^p / ((1 - d)^p + Q(d)) (1 - eta) + eta,  Q(d) = b1 d (1 + b2 d + b2 b3 d^2)
# d = 0.3, p = 2, b1 = 2, b2 = -0.5, b3 = 0.3, eta = 0.01:
#   Q = 2 * 0.3 * (1 - 0.15 + (-0.5)(0.3)(0.09)) = 0.6 * (0.85 - 0.0135) = 0.6 * 0.8365 = 0.5019
#   (1 - d)^p = 0.49;  0.49 / (0.49 + 0.5019) = 0.49 / 0.9919 = 0.494001411432604
#   g = 0.494001411432604 * 0.99 + 0.01 = 0.499061397318278
[Models]
  [model]
    type = RationalDegradationFunction
    phase = 'd'
    degradation = 'g'
    power = 2
    b1 = 2
    b2 = -0.5
    b3 = 0.3
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
    batch_shape = '(2,3)'
    input_Scalar_names = 'd'
    input_Scalar_values = '0.3'
    output_Scalar_names = 'g'
    output_Scalar_values = '0.499061397318278'
    check_second_derivatives = true
  []
[]
