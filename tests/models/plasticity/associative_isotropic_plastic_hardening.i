# AssociativeIsotropicPlasticHardening: ep_dot = -gamma_dot N_k = -0.3 (-0.8) = 0.24
[Models]
  [model]
    type = AssociativeIsotropicPlasticHardening
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
    batch_shape = '(4,)'
    input_Scalar_names = 'flow_rate isotropic_hardening_direction'
    input_Scalar_values = '0.3 -0.8'
    output_Scalar_names = 'equivalent_plastic_strain_rate'
    output_Scalar_values = '0.24'
  []
[]
