# RateCondensation of f(rate) = s - R (1 - exp(-d ep)), ep = ep~1 + (t - t~1) rate (Voce hardening):
#   trial_driving_force = f(0) = s - R (1 - exp(-d ep~1)),
#   coupling = -df/d(rate) = (t - t~1) R d exp(-d ep~1).
# s = 150, R = 100, d = 2, ep~1 = 0.25, t = 1.3, t~1 = 1.1 (dt = 0.2); exp(-0.5) = 0.6065306597126334:
#   trial_driving_force = 150 - 100 (1 - 0.6065306597126334) = 110.65306597126334
#   coupling = 0.2 * 100 * 2 * 0.6065306597126334 = 24.261226388505336
[Models]
  [ep]
    type = ScalarForwardEulerTimeIntegration
    variable = 'ep'
    rate = 'rate'
  []
  [voce]
    type = VoceIsotropicHardening
    equivalent_plastic_strain = 'ep'
    saturated_hardening = 100
    saturation_rate = 2
  []
  [f]
    type = ScalarLinearCombination
    from = 's isotropic_hardening'
    to = 'f'
    weights = '1 -1'
  []
  [driving_force]
    type = ComposedModel
    models = 'ep voce f'
  []
  [model]
    type = RateCondensation
    model = 'driving_force'
    rate = 'rate'
    driving_force = 'f'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-10
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(3,)'
    input_Scalar_names = 's ep~1 t t~1'
    input_Scalar_values = '150 0.25 1.3 1.1'
    output_Scalar_names = 'coupling trial_driving_force'
    output_Scalar_values = '24.261226388505336 110.65306597126334'
    check_second_derivatives = true
  []
[]
