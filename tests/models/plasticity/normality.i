# Normality of f = sqrt(2/3) (s(M) - sigma_y - k), s = sqrt(3/2 dev M : dev M) (SR2Invariant + YieldFunction):
# flow_direction N = df/dM = sqrt(2/3) * 3/2 dev M / s = sqrt(3/2) dev M / s,  df/dk = -sqrt(2/3) = -0.816496580927726
# M = (100, -50, 30, 20, -10, 40): tr = 80, dev M = (220/3, -230/3, 10/3, 20, -10, 40), s = sqrt(23200)
# sqrt(3/2) / sqrt(23200) = 0.008040844011283462
# N = (0.5896618941607871, -0.616464707531732, 0.02680281337094486, 0.1608168802256692, -0.0804084401128346,
#      0.3216337604513384)
[Models]
  [vonmises]
    type = SR2Invariant
    invariant_type = 'VONMISES'
    tensor = 'mandel_stress'
    invariant = 'effective_stress'
  []
  [yield_fn]
    type = YieldFunction
    yield_stress = 5
    isotropic_hardening = 'isotropic_hardening'
  []
  [flow]
    type = ComposedModel
    models = 'vonmises yield_fn'
  []
  [model]
    type = Normality
    model = 'flow'
    function = 'yield_function'
    from = 'mandel_stress isotropic_hardening'
    to = 'flow_direction isotropic_hardening_direction'
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
    input_SR2_names = 'mandel_stress'
    input_SR2_values = '100 -50 30 20 -10 40'
    input_Scalar_names = 'isotropic_hardening'
    input_Scalar_values = '20'
    output_SR2_names = 'flow_direction'
    output_SR2_values = '0.5896618941607871 -0.616464707531732 0.02680281337094486 0.1608168802256692 -0.0804084401128346 0.3216337604513384'
    output_Scalar_names = 'isotropic_hardening_direction'
    output_Scalar_values = '-0.816496580927726'
  []
[]
