# GTNYieldFunction without isotropic hardening and with the yield stress promoted to an input variable
# 'sy' (second order includes the yield-stress terms):
# f = (150/100)^2 + 0.15 cosh(0.45) - 1.005625 = 1.4098205252833955
[Models]
  [model]
    type = GTNYieldFunction
    yield_stress = 'sy'
    q1 = 1.5
    q2 = 1.0
    q3 = 2.25
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
    input_Scalar_names = 'flow_invariant poro_invariant void_fraction sy'
    input_Scalar_values = '150 90 0.05 100'
    output_Scalar_names = 'yield_function'
    output_Scalar_values = '1.4098205252833955'
    check_second_derivatives = true
  []
[]
