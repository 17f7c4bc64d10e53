# IsotropicElasticityTensor, E = 200, nu = 0.25: lambda = E nu / ((1 + nu)(1 - 2 nu)) = 80, mu = E / (2 (1 + nu)) = 80;
# Mandel C11 = lambda + 2 mu = 240, C12 = lambda = 80, shear diagonal 2 mu = 160.
[Models]
  [model]
    type = IsotropicElasticityTensor
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    coefficients = '200 0.25'
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
    batch_shape = '(2,)'
    output_SSR4_names = 'model'
    output_SSR4_values = '240 80 80 0 0 0 80 240 80 0 0 0 80 80 240 0 0 0 0 0 0 160 0 0 0 0 0 0 160 0 0 0 0 0 0 160'
  []
[]
