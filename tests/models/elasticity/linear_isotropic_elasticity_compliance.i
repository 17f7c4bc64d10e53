# LinearIsotropicElasticity with compliance = true maps stress to strain.
# (E, nu) = (72, 0.2): lambda = 14.4 / 0.72 = 20, mu = 72 / 2.4 = 30
# strain = stress / (2 mu) - lambda / (2 mu (3 lambda + 2 mu)) tr(stress) I = stress / 60 - tr(stress) / 360 I
# stress = (0.82, 0.10, 0.40, 0.24, -0.06, 0.12), tr = 1.32, tr / 360 = 0.0036666...
# strain_xx = 0.82 / 60 - 0.0036666... = 0.0136666... - 0.0036666... = 0.01
# strain = (0.01, -0.002, 0.003, 0.004, -0.001, 0.002)  (the inverse of the stiffness cases)
[Models]
  [model]
    type = LinearIsotropicElasticity
    coefficients = '72 0.2'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    compliance = true
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
    input_SR2_names = 'stress'
    input_SR2_values = '0.82 0.10 0.40 0.24 -0.06 0.12'
    output_SR2_names = 'strain'
    output_SR2_values = '0.01 -0.002 0.003 0.004 -0.001 0.002'
  []
[]
