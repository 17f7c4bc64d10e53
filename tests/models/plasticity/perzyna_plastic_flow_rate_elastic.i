# PerzynaPlasticFlowRate inside the yield surface: f = -10 < 0, gamma_dot = (<-10> / 100)^2 = 0
# (and every derivative is zero there)
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
    batch_shape = '(2,)'
    input_Scalar_names = 'yield_function'
    input_Scalar_values = '-10'
    output_Scalar_names = 'flow_rate'
    output_Scalar_values = '0'
  []
[]
