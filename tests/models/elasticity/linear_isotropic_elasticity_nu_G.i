# LinearIsotropicElasticity from (G, nu) = (30, 0.2); every case here has lambda = 20, mu = 30:
#   lambda = 2 G nu / (1 - 2 nu) = 12 / 0.6 = 20
#   mu = G = 30
# strain (SR2 fill, Mandel-scaled shears) = (0.01, -0.002, 0.003, 0.004, -0.001, 0.002), tr = 0.011
# stress = lambda tr(strain) I + 2 mu strain = 0.22 I + 60 strain = (0.82, 0.10, 0.40, 0.24, -0.06, 0.12)
[Models]
  [model]
    type = LinearIsotropicElasticity
    coefficients = '30 0.2'
    coefficient_types = 'SHEAR_MODULUS POISSONS_RATIO'
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
    batch_shape = '()'
    input_SR2_names = 'strain'
    input_SR2_values = '0.01 -0.002 0.003 0.004 -0.001 0.002'
    output_SR2_names = 'stress'
    output_SR2_values = '0.82 0.10 0.40 0.24 -0.06 0.12'
  []
[]
