# OrientationRate: Omega = w - w^p - eps d^p + d^p eps (axial vectors; full 3x3 products in numpy), with
# eps = (0.01, -0.02, 0.015, 0.004, -0.003, 0.002), d^p = (0.05, 0.03, -0.08, 0, 0.02, -0.01),
# w = (0.2, -0.1, 0.3), w^p = (-0.05, 0.04, 0.1).
[Models]
  [model]
    type = OrientationRate
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
    batch_shape = '(2,3)'
    input_SR2_names = 'elastic_strain plastic_deformation_rate'
    input_SR2_values = '0.01 -0.02 0.015 0.004 -0.003 0.002; 0.05 0.03 -0.08 0 0.02 -0.01'
    input_WR2_names = 'vorticity plastic_vorticity'
    input_WR2_values = '0.2 -0.1 0.3; -0.05 0.04 0.1'
    output_WR2_names = 'orientation_rate'
    output_WR2_values = '0.24957 -0.14033 0.19958'
  []
[]
