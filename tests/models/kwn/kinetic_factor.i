# KineticFactor: R_crit = 0.5, S = 2, N_a = 8, V_m = 1:
# beta = 4 pi 0.5^2 (8 / 1)^(4/3) / 2 = pi * 16 / 2 = 8 pi = 25.132741228718345
[Models]
  [model]
    type = KineticFactor
    critical_radius = 'Rc'
    projected_diffusivity_sum = 'S'
    molar_volume = 1
    avogadro_number = 8
    kinetic_factor = 'beta'
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
    batch_shape = '(3,)'
    input_Scalar_names = 'Rc S'
    input_Scalar_values = '0.5 2'
    output_Scalar_names = 'beta'
    output_Scalar_values = '25.132741228718345'
    check_second_derivatives = true
  []
[]
