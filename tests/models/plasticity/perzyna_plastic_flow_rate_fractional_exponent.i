# PerzynaPlasticFlowRate: gamma_dot = (<f> / eta)^n = (50 / 100)^3.5 = 2^-3.5 = 0.08838834764831845
[Models]
  [model]
    type = PerzynaPlasticFlowRate
    reference_stress = 100
    exponent = 3.5
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
    batch_shape = '(2,)'
    input_Scalar_names = 'yield_function'
    input_Scalar_values = '50'
    output_Scalar_names = 'flow_rate'
    output_Scalar_values = '0.08838834764831845'
  []
[]
