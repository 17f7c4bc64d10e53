# ZeldovichFactor: V_m = 4, N_a = 2, R_crit = 0.5, gamma = 8, k_B = 0.5, T = 4:
# Z = 4 / (2 pi * 2 * 0.5^2) * sqrt(8 / (0.5 * 4)) = (4 / pi) * 2 = 8 / pi = 2.5464790894703255
[Models]
  [model]
    type = ZeldovichFactor
    critical_radius = 'Rc'
    temperature = 'T'
    surface_energy = 8
    molar_volume = 4
    avogadro_number = 2
    boltzmann_constant = 0.5
    zeldovich_factor = 'Z'
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
    input_Scalar_names = 'Rc T'
    input_Scalar_values = '0.5 4'
    output_Scalar_names = 'Z'
    output_Scalar_values = '2.5464790894703255'
    check_second_derivatives = true
  []
[]
