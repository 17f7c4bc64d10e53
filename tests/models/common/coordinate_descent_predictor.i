# CoordinateDescentPredictor with a Perzyna rate law g(f) = (<f> / eta)^n, eta = 100, n = 2:
#   rate = g(trial - coupling rate)  <=>  eta sqrt(rate) = trial - coupling rate (trial > coupling rate),
#   sqrt(rate) = (-eta + sqrt(eta^2 + 4 coupling trial)) / (2 coupling).
# coupling = 50, trial = 150: sqrt(1e4 + 3e4) = 200, sqrt(rate) = (200 - 100) / 100 = 1, rate = 1
# (check: (150 - 50 * 1) / 100 = 1, 1^2 = 1).
# Derivatives: those of the model's last Newton step at the converged iterate (see its docstring);
# to first order the implicit ones, d rate = -(d F / d input) / (1 + coupling g').
[Models]
  [perzyna]
    type = PerzynaPlasticFlowRate
    reference_stress = 100
    exponent = 2
  []
  [model]
    type = CoordinateDescentPredictor
    rate_law = 'perzyna'
    driving_force_input = 'yield_function'
    rate = 'gamma_rate'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-10
    value_abs_tol = 1e-12
    derivative_rel_tol = 1e-7
    derivative_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(3,)'
    input_Scalar_names = 'coupling trial_driving_force'
    input_Scalar_values = '50 150'
    output_Scalar_names = 'gamma_rate'
    output_Scalar_values = '1'
    check_second_derivatives = true
  []
[]
