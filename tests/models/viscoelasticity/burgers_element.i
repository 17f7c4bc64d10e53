# BurgersElement: sigma = E_M (eps - eps_vM - eps_K), eps_vM_dot = sigma / eta_M,
# eps_K_dot = (sigma - E_K eps_K) / eta_K, E_M = 2000, eta_M = 1000, E_K = 500, eta_K = 250:
# eps = (0.01, -0.004, 0.002, 0.003, 0, -0.001), eps_vM = (0.002, -0.001, 0, 0.001, 0.001, 0),
# eps_K = (0.003, 0, 0.001, -0.001, 0, 0.002)
# eps - eps_vM - eps_K = (0.005, -0.003, 0.001, 0.003, -0.001, -0.003) -> sigma = (10, -6, 2, 6, -2, -6)
# eps_vM_dot = sigma / 1000 = (0.01, -0.006, 0.002, 0.006, -0.002, -0.006)
# E_K eps_K = (1.5, 0, 0.5, -0.5, 0, 1) -> eps_K_dot = (8.5, -6, 1.5, 6.5, -2, -7) / 250
#                                                   = (0.034, -0.024, 0.006, 0.026, -0.008, -0.028)
[Models]
  [model]
    type = BurgersElement
    maxwell_modulus = 2000
    maxwell_viscosity = 1000
    kelvin_modulus = 500
    kelvin_viscosity = 250
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
    batch_shape = '(3,)'
    input_SR2_names = 'strain maxwell_viscous_strain kelvin_voigt_strain'
    input_SR2_values = '0.01 -0.004 0.002 0.003 0 -0.001; 0.002 -0.001 0 0.001 0.001 0; 0.003 0 0.001 -0.001 0 0.002'
    output_SR2_names = 'stress maxwell_viscous_strain_rate kelvin_voigt_strain_rate'
    output_SR2_values = '10 -6 2 6 -2 -6; 0.01 -0.006 0.002 0.006 -0.002 -0.006; 0.034 -0.024 0.006 0.026 -0.008 -0.028'
  []
[]
