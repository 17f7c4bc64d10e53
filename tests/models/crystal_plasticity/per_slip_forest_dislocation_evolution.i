# PerSlipForestDislocationEvolution: rho_dot = (k1 sqrt(rho) - k2 rho) |gamma_dot| = (3 * 2 - 0.5 * 4) * 0.1 = 0.4
[Models]
  [model]
    type = PerSlipForestDislocationEvolution
    k1 = 3
    k2 = 0.5
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
    input_Scalar_names = 'dislocation_density slip_rates'
    input_Scalar_values = '4 0.1'
    output_Scalar_names = 'dislocation_density_rate'
    output_Scalar_values = '0.4'
    check_second_derivatives = true
  []
[]
