# VolumeAdjustDeformationGradient: J = 8, J^(-1/3) = 1/2, F = [[2, 1, 0.5], [0.3, 3, -1], [1, 0.2, 4]]:
# F_mech = F / 2 = [[1, 0.5, 0.25], [0.15, 1.5, -0.5], [0.5, 0.1, 2]]
[Models]
  [model]
    type = VolumeAdjustDeformationGradient
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
    batch_shape = '(2,3)'
    input_R2_names = 'input'
    input_R2_values = '2 1 0.5 0.3 3 -1 1 0.2 4'
    input_Scalar_names = 'jacobian'
    input_Scalar_values = '8'
    output_R2_names = 'output'
    output_R2_values = '1 0.5 0.25 0.15 1.5 -0.5 0.5 0.1 2'
    check_second_derivatives = true
  []
[]
