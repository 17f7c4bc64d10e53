# GTNYieldFunction: f = (se/sf)^2 + 2 q1 phi cosh(q2 sp / (2 sf)) - (1 + q3 phi^2), sf = sy + k,
# se = 150, sp = 90, phi = 0.05, k = 20, sy = 100, q1 = 1.5, q2 = 1, q3 = 2.25:
# f = (150/120)^2 + 0.15 cosh(0.375) - 1.005625 = 0.717546052005688
[Models]
  [model]
    type = GTNYieldFunction
    yield_stress = 100
    q1 = 1.5
    q2 = 1.0
    q3 = 2.25
    isotropic_hardening = 'isotropic_hardening'
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
    input_Scalar_names = 'flow_invariant poro_invariant void_fraction isotropic_hardening'
    input_Scalar_values = '150 90 0.05 20'
    output_Scalar_names = 'yield_function'
    output_Scalar_values = '0.717546052005688'
    check_second_derivatives = true
  []
[]
