# GursonCavitation: f_dot = (1 - f) tr(Ep_dot) = 0.95 * 0.015 = 0.01425
[Models]
  [model]
    type = GursonCavitation
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
    input_SR2_names = 'plastic_strain_rate'
    input_SR2_values = '0.01 0.002 0.003 0.001 0 0.002'
    input_Scalar_names = 'void_fraction'
    input_Scalar_values = '0.05'
    output_Scalar_names = 'void_fraction_rate'
    output_Scalar_values = '0.01425'
    check_second_derivatives = true
  []
[]
