# CamanhoDavilaCriticalSeparation, opening (delta_n = 0.01 > 0), K = 100, N = 2, S = 3, beta = 0.75:
# delta_n0 = N/K = 0.02, delta_s0 = S/K = 0.03,
# delta_c = 0.02 * 0.03 * sqrt((1 + 0.5625) / (0.03^2 + 0.5625 * 0.02^2)) = 6e-4 * sqrt(1.5625 / 1.125e-3)
#         = 6e-4 * sqrt(1388.888...) = sqrt(5e-4) = 0.0223606797749979
[Models]
  [model]
    type = CamanhoDavilaCriticalSeparation
    normal_separation = 'dn'
    critical_separation = 'dc'
    mode_mixity = 'beta'
    penalty_stiffness = 100
    normal_strength = 2
    shear_strength = 3
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
    batch_shape = '(2,3)'
    input_Scalar_names = 'dn beta'
    input_Scalar_values = '0.01 0.75'
    output_Scalar_names = 'dc'
    output_Scalar_values = '0.0223606797749979'
    check_second_derivatives = true
  []
[]
