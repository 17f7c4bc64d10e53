# WR2ExplicitExponentialTimeIntegration: r~1 = 30 degrees about (1, 1, 0) (MRP tan(pi/24) (1, 1, 0)/sqrt 2),
# w = (0.3, -0.2, 0.5), t - t~1 = 0.7: R = exp(0.7 W) R~1 with Rodrigues' formula, back to an MRP (numpy).
[Models]
  [model]
    type = WR2ExplicitExponentialTimeIntegration
    variable = 'r'
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
    input_MRP_names = 'r~1'
    input_MRP_values = '0.09309237380419318 0.09309237380419318 0.0'
    input_WR2_names = 'r_rate'
    input_WR2_values = '0.3 -0.2 0.5'
    input_Scalar_names = 't t~1'
    input_Scalar_values = '1.5 0.8'
    output_MRP_names = 'r'
    output_MRP_values = '0.12782914089920247 0.0740549740703131 0.10298911248071738'
  []
[]
