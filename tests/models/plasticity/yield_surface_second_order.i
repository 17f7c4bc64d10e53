# The composed yield surface of the Normality case (SR2Invariant + YieldFunction), second order checked:
# f = sqrt(2/3) (sqrt(23200) - 5 - 20) = 0.816496580927726 * 127.31546211727817 = 103.95263951799106
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
  [model]
    type = ComposedModel
    models = 'vonmises yield_fn'
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
    input_SR2_names = 'mandel_stress'
    input_SR2_values = '100 -50 30 20 -10 40'
    input_Scalar_names = 'isotropic_hardening'
    input_Scalar_values = '20'
    output_Scalar_names = 'yield_function'
    output_Scalar_values = '103.95263951799106'
    check_second_derivatives = true
  []
[]
