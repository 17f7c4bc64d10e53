# ZenerElement: sigma = (E_inf + E_M) eps - E_M eps_v, eps_v_dot = E_M / eta_M (eps - eps_v),
# E_inf = 1000, E_M = 2000, eta_M = 4000, the viscous strain named 'Ev' (its rate 'Ev_rate'):
# eps = (0.01, -0.004, 0.002, 0.003, 0, -0.001), eps_v = (0.004, -0.001, 0.003, 0.001, 0.002, 0)
# eps - eps_v = (0.006, -0.003, -0.001, 0.002, -0.002, -0.001)
# sigma = 3000 eps - 2000 eps_v = (30-8, -12+2, 6-6, 9-2, 0-4, -3-0) = (22, -10, 0, 7, -4, -3)
# eps_v_dot = 2000 / 4000 (eps - eps_v) = (0.003, -0.0015, -0.0005, 0.001, -0.001, -0.0005)
[Models]
  [model]
    type = ZenerElement
    viscous_strain = 'Ev'
    equilibrium_modulus = 1000
    maxwell_modulus = 2000
    maxwell_viscosity = 4000
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
    check_second_derivatives = true
    batch_shape = '(4,)'
    input_SR2_names = 'strain Ev'
    input_SR2_values = '0.01 -0.004 0.002 0.003 0 -0.001; 0.004 -0.001 0.003 0.001 0.002 0'
    output_SR2_names = 'stress Ev_rate'
    output_SR2_values = '22 -10 0 7 -4 -3; 0.003 -0.0015 -0.0005 0.001 -0.001 -0.0005'
  []
[]
