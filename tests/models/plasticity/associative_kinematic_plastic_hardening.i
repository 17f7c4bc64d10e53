# AssociativeKinematicPlasticHardening: Kp_dot = -gamma_dot N_X = -0.3 (-0.8, 0.4, 0.4, -0.1, 0, -0.2)
#   = (0.24, -0.12, -0.12, 0.03, 0, 0.06)
[Models]
  [model]
    type = AssociativeKinematicPlasticHardening
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
    input_Scalar_names = 'flow_rate'
    input_Scalar_values = '0.3'
    input_SR2_names = 'kinematic_hardening_direction'
    input_SR2_values = '-0.8 0.4 0.4 -0.1 0 -0.2'
    output_SR2_names = 'kinematic_plastic_strain_rate'
    output_SR2_values = '0.24 -0.12 -0.12 0.03 0 0.06'
    check_second_derivatives = true
  []
[]
