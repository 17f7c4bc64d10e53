# PerzynaPlasticFlowRate: gamma_dot = (<f> / eta)^n = (40 / 100)^2 = 0.16
[Models]
  [model]
    type = PerzynaPlasticFlowRate
    reference_stress = 100
    exponent = 2
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
    input_Scalar_names = 'yield_function'
    input_Scalar_values = '40'
    output_Scalar_names = 'flow_rate'
    output_Scalar_values = '0.16'
  []
[]
