# IsotropicElasticityTensor named C, K = 100, G = 30: lambda = K - 2G/3 = 80, mu = 30;
# Mandel C11 = lambda + 2 mu = 140, C12 = 80, shear diagonal 2 mu = 60.
[Models]
  [model]
    type = IsotropicElasticityTensor
    C = 'C'
    coefficient_types = 'BULK_MODULUS SHEAR_MODULUS'
    coefficients = '100 30'
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
    batch_shape = '(3,)'
    output_SSR4_names = 'C'
    output_SSR4_values = '140 80 80 0 0 0 80 140 80 0 0 0 80 80 140 0 0 0 0 0 0 60 0 0 0 0 0 0 60 0 0 0 0 0 0 60'
  []
[]
