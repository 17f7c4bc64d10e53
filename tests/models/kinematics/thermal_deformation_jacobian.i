# ThermalDeformationJacobian: J = 1 + alpha (T - T0) = 1 + 1.5e-5 (420 - 300) = 1.0018
[Models]
  [model]
    type = ThermalDeformationJacobian
    reference_temperature = 300
    CTE = 1.5e-5
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
    input_Scalar_names = 'temperature'
    input_Scalar_values = '420'
    output_Scalar_names = 'jacobian'
    output_Scalar_values = '1.0018'
    check_second_derivatives = true
  []
[]
