# LinearIsotropicElasticity with Young's modulus promoted to an input variable 'E' (mode 4),
# so the chain rule differentiates through the coefficient conversion too.
# (E, nu) = (72, 0.2): lambda = E nu / ((1 + nu)(1 - 2 nu)) = 20, mu = E / (2 (1 + nu)) = 30
# stress = lambda tr(strain) I + 2 mu strain = 0.22 I + 60 strain = (0.82, 0.10, 0.40, 0.24, -0.06, 0.12)
[Models]
  [model]
    type = LinearIsotropicElasticity
    coefficients = 'E 0.2'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
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
    batch_shape = '(2,)'
    input_SR2_names = 'strain'
    input_SR2_values = '0.01 -0.002 0.003 0.004 -0.001 0.002'
    input_Scalar_names = 'E'
    input_Scalar_values = '72'
    output_SR2_names = 'stress'
    output_SR2_values = '0.82 0.10 0.40 0.24 -0.06 0.12'
  []
[]
