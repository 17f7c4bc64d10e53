# EffectiveVolume (chemical_reactions.md): V = M / (1 - phi_o) sum_i omega_i / rho_i;
# M = 2, omega = (0.5, 0.3, 0.2), rho = (2, 1.5, 4): sum = 0.25 + 0.2 + 0.05 = 0.5
#   [unit] with phi_o = 0.2: V = 2 / 0.8 * 0.5 = 1.25;  [closed] without phi_o: V = 2 * 0.5 = 1
[Models]
  [model]
    type = EffectiveVolume
    open_volume_fraction = 'phio'
    mass_fractions = 'wb wc wg'
    composite_volume = 'V'
    reference_mass = 2
    densities = '2 1.5 4'
  []
  [closed]
    type = EffectiveVolume
    mass_fractions = 'wb wc wg'
    composite_volume = 'V'
    reference_mass = 2
    densities = '2 1.5 4'
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
    batch_shape = '(2,3)'
    input_Scalar_names = 'phio wb wc wg'
    input_Scalar_values = '0.2 0.5 0.3 0.2'
    output_Scalar_names = 'V'
    output_Scalar_values = '1.25'
    check_second_derivatives = true
  []
  [closed]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'closed'
    batch_shape = '(3,)'
    input_Scalar_names = 'wb wc wg'
    input_Scalar_values = '0.5 0.3 0.2'
    output_Scalar_names = 'V'
    output_Scalar_values = '1'
    check_second_derivatives = true
  []
[]
