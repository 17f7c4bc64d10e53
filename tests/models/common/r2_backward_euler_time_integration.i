# R2BackwardEulerTimeIntegration: r = F - F~1 - (t - t~1) F_rate, t - t~1 = 2 - 1.5 = 0.5 (rows)
# F      = (1.01 0.02 0; 0 0.99 0.01; 0.005 0 1)
# F~1    = I
# F_rate = (0.04 0.02 0; 0 -0.02 0.04; 0.01 0 0.02): 0.5 F_rate = (0.02 0.01 0; 0 -0.01 0.02; 0.005 0 0.01)
# r = (0.01 - 0.02, 0.02 - 0.01, 0; 0, -0.01 + 0.01, 0.01 - 0.02; 0.005 - 0.005, 0, 0 - 0.01)
#   = (-0.01 0.01 0; 0 0 -0.01; 0 0 -0.01)
[Models]
  [model]
    type = R2BackwardEulerTimeIntegration
    variable = 'deformation_gradient'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-12
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'model'
    batch_shape = '(3,)'
    check_second_derivatives = true
    input_R2_names = 'deformation_gradient deformation_gradient~1 deformation_gradient_rate'
    input_R2_values = '1.01 0.02 0 0 0.99 0.01 0.005 0 1; 1 0 0 0 1 0 0 0 1; 0.04 0.02 0 0 -0.02 0.04 0.01 0 0.02'
    input_Scalar_names = 't t~1'
    input_Scalar_values = '2 1.5'
    output_R2_names = 'deformation_gradient_residual'
    output_R2_values = '-0.01 0.01 0 0 0 -0.01 0 0 -0.01'
  []
[]
