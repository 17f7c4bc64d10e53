# LinearIsotropicElasticity with compliance = true and rate_form = true: stress_rate -> strain_rate,
# eps_dot = sigma_dot / (2 mu) - lambda / (2 mu (3 lambda + 2 mu)) tr(sigma_dot) I, (E, nu) = (72, 0.2):
# lambda = 20, mu = 30: eps_dot = sigma_dot / 60 - tr(sigma_dot) / 360 I
# sigma_dot = (0.82, 0.10, 0.40, 0.24, -0.06, 0.12), tr = 1.32: eps_dot_xx = 0.82 / 60 - 1.32 / 360 = 0.01
# eps_dot = (0.01, -0.002, 0.003, 0.004, -0.001, 0.002)
[Models]
  [model]
    type = LinearIsotropicElasticity
    coefficients = '72 0.2'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    compliance = true
    rate_form = true
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
    batch_shape = '(4,)'
    input_SR2_names = 'stress_rate'
    input_SR2_values = '0.82 0.10 0.40 0.24 -0.06 0.12'
    output_SR2_names = 'strain_rate'
    output_SR2_values = '0.01 -0.002 0.003 0.004 -0.001 0.002'
  []
[]
