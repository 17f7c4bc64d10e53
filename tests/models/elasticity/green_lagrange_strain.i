# GreenLagrangeStrain of F = [[1.1, 0.2, 0], [0, 0.9, 0.1], [0.05, 0, 1]]: E = (F^T F - I) / 2, e.g.
# E_xx = (1.1^2 + 0.05^2 - 1) / 2 = 0.10625, E_xy = (1.1*0.2) / 2 = 0.11, E_zz = (0.1^2 + 1 - 1) / 2 = 0.005.
[Models]
  [model]
    type = GreenLagrangeStrain
    deformation_gradient = 'F'
    strain = 'E'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    check_second_derivatives = true
    batch_shape = '(2,2)'
    input_R2_names = 'F'
    input_R2_values = '1.1 0.2 0 0 0.9 0.1 0.05 0 1.0'
    output_SR2_names = 'E'
    output_SR2_values = '0.10625 -0.075 0.005 0.045 0.025 0.11'
  []
[]
