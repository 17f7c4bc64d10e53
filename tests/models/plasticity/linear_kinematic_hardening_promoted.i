# LinearKinematicHardening with the modulus promoted to an input variable 'H' (second order includes
# the Kp-H cross term): X = H Kp = 1000 (0.01, -0.005, -0.005, 0.002, 0, 0.001) = (10, -5, -5, 2, 0, 1)
[Models]
  [model]
    type = LinearKinematicHardening
    hardening_modulus = 'H'
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
    batch_shape = '(2,)'
    input_SR2_names = 'kinematic_plastic_strain'
    input_SR2_values = '0.01 -0.005 -0.005 0.002 0 0.001'
    input_Scalar_names = 'H'
    input_Scalar_values = '1000'
    output_SR2_names = 'back_stress'
    output_SR2_values = '10 -5 -5 2 0 1'
    check_second_derivatives = true
  []
[]
