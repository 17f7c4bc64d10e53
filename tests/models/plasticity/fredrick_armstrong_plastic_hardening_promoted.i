# FredrickArmstrongPlasticHardening with C and g promoted to input variables (second order includes the
# parameter cross terms); the output name follows the renamed back stress ('X1' -> 'X1_rate'):
# X1_rate = (2/3 C N - g X1) gamma_dot, values as in fredrick_armstrong_plastic_hardening.i
[Models]
  [model]
    type = FredrickArmstrongPlasticHardening
    back_stress = 'X1'
    C = 'C1'
    g = 'g1'
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
    input_Scalar_names = 'flow_rate C1 g1'
    input_Scalar_values = '0.2 1000 10'
    input_SR2_names = 'flow_direction X1'
    input_SR2_values = '0.8 -0.4 -0.4 0.1 0 0.2; 20 -10 -10 5 -3 4'
    output_SR2_names = 'X1_rate'
    output_SR2_values = '66.66666666666667 -33.333333333333336 -33.333333333333336 3.3333333333333344 6 18.666666666666668'
    check_second_derivatives = true
  []
[]
