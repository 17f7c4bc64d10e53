# CubicElasticityTensor, E = 100, nu = 0.25, G = 30 (given in another order): E / ((1 + nu)(1 - 2 nu)) = 160,
# C1 = 160 (1 - nu) = 120, C2 = 160 nu = 40, C3 = 2 G = 60 (Mandel shear diagonal).
[Models]
  [model]
    type = CubicElasticityTensor
    coefficient_types = 'SHEAR_MODULUS YOUNGS_MODULUS POISSONS_RATIO'
    coefficients = '30 100 0.25'
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
    output_SSR4_values = '120 40 40 0 0 0 40 120 40 0 0 0 40 40 120 0 0 0 0 0 0 60 0 0 0 0 0 0 60 0 0 0 0 0 0 60'
  []
[]
