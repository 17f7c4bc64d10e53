# NucleationBarrierAndCriticalRadius: gamma = 0.5, V_m = 2, dg_v = 4 (promoted to a variable):
# R_crit = 2 * 0.5 * 2 / 4 = 0.5
# dG*    = 16 pi / 3 * 0.5^3 * 2^2 / 4^2 = 16 pi / 3 * 0.03125 = pi / 6 = 0.5235987755982988
[Models]
  [model]
    type = NucleationBarrierAndCriticalRadius
    surface_energy = 0.5
    molar_volume = 2
    total_gibbs_free_energy_difference = 'dg'
    nucleation_barrier = 'G'
    critical_radius = 'Rc'
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
    input_Scalar_names = 'dg'
    input_Scalar_values = '4'
    output_Scalar_names = 'G Rc'
    output_Scalar_values = '0.5235987755982988 0.5'
    check_second_derivatives = true
  []
[]
