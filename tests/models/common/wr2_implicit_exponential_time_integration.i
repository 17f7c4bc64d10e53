# WR2ImplicitExponentialTimeIntegration: residual r - exp((t - t~1) W) r~1 at r = (0.1, 0.2, 0.3), with
# r~1 = 30 degrees about (1, 1, 0), w = (0.3, -0.2, 0.5), t - t~1 = 0.7 (Rodrigues' formula in numpy,
# exp(0.7 W) r~1 = (0.12782914089920247, 0.0740549740703131, 0.10298911248071738)).
[Models]
  [model]
    type = WR2ImplicitExponentialTimeIntegration
    variable = 'orientation'
    rate = 'spin'
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
    input_MRP_names = 'orientation orientation~1'
    input_MRP_values = '0.1 0.2 0.3; 0.09309237380419318 0.09309237380419318 0.0'
    input_WR2_names = 'spin'
    input_WR2_values = '0.3 -0.2 0.5'
    input_Scalar_names = 't t~1'
    input_Scalar_values = '1.5 0.8'
    output_MRP_names = 'orientation_residual'
    output_MRP_values = '-0.027829140899202465 0.12594502592968693 0.1970108875192826'
  []
[]
