# AssociativePlasticFlow: Ep_dot = gamma_dot N = 0.3 (1, -0.5, -0.5, 0.2, 0, 0.1) = (0.3, -0.15, -0.15, 0.06, 0, 0.03)
[Models]
  [model]
    type = AssociativePlasticFlow
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
    input_SR2_names = 'flow_direction'
    input_SR2_values = '1 -0.5 -0.5 0.2 0 0.1'
    output_SR2_names = 'plastic_strain_rate'
    output_SR2_values = '0.3 -0.15 -0.15 0.06 0 0.03'
  []
[]
