# WiechertElement: sigma = E_inf eps + sum_i E_i (eps - eps_v,i), eps_v,i_dot = E_i / eta_i (eps - eps_v,i),
# E_inf = 500, E_1 = 1000, eta_1 = 100, E_2 = 3000, eta_2 = 6000:
# eps    = (0.01, -0.004, 0.002, 0.003, 0, -0.001)
# eps_v1 = (0.002, 0, 0.001, -0.001, 0.001, 0.002), eps_v2 = (0.005, -0.002, 0, 0.001, -0.001, 0)
# branch 1: E_1 (eps - eps_v1) = 1000 (0.008, -0.004, 0.001, 0.004, -0.001, -0.003) = (8, -4, 1, 4, -1, -3)
#           eps_v1_dot = (8, -4, 1, 4, -1, -3) / 100 = (0.08, -0.04, 0.01, 0.04, -0.01, -0.03)
# branch 2: E_2 (eps - eps_v2) = 3000 (0.005, -0.002, 0.002, 0.002, 0.001, -0.001) = (15, -6, 6, 6, 3, -3)
#           eps_v2_dot = (15, -6, 6, 6, 3, -3) / 6000 = (0.0025, -0.001, 0.001, 0.001, 0.0005, -0.0005)
# E_inf eps = (5, -2, 1, 1.5, 0, -0.5) -> sigma = (5+8+15, -2-4-6, 1+1+6, 1.5+4+6, 0-1+3, -0.5-3-3)
#                                              = (28, -12, 8, 11.5, 2, -6.5)
[Models]
  [model]
    type = WiechertElement
    equilibrium_modulus = 500
    modulus_1 = 1000
    viscosity_1 = 100
    modulus_2 = 3000
    viscosity_2 = 6000
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
    batch_shape = '(2,2)'
    input_SR2_names = 'strain viscous_strain_1 viscous_strain_2'
    input_SR2_values = '0.01 -0.004 0.002 0.003 0 -0.001; 0.002 0 0.001 -0.001 0.001 0.002; 0.005 -0.002 0 0.001 -0.001 0'
    output_SR2_names = 'stress viscous_strain_1_rate viscous_strain_2_rate'
    output_SR2_values = '28 -12 8 11.5 2 -6.5; 0.08 -0.04 0.01 0.04 -0.01 -0.03; 0.0025 -0.001 0.001 0.001 0.0005 -0.0005'
  []
[]
