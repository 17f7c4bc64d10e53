# LinearIsotropicElasticity with rate_form = true and strain = 'elastic_strain': the same linear map
# between the rates, elastic_strain_rate -> stress_rate.
# (E, nu) = (72, 0.2): lambda = 20, mu = 30, stress_rate = 20 tr(eps_dot) I + 60 eps_dot
# eps_dot = (0.01, -0.002, 0.003, 0.004, -0.001, 0.002), tr = 0.011:
# stress_rate = 0.22 + 60 eps_dot on the diagonal, 60 eps_dot off it = (0.82, 0.10, 0.40, 0.24, -0.06, 0.12)
[Models]
  [model]
    type = LinearIsotropicElasticity
    coefficients = '72 0.2'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    strain = 'elastic_strain'
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
    input_SR2_names = 'elastic_strain_rate'
    input_SR2_values = '0.01 -0.002 0.003 0.004 -0.001 0.002'
    output_SR2_names = 'stress_rate'
    output_SR2_values = '0.82 0.10 0.40 0.24 -0.06 0.12'
  []
[]
