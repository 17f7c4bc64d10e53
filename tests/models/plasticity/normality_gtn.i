# Normality of the GTN yield surface f(vm(M), tr(M), phi, k), sigma_y = 100, q1 = 1.5, q2 = 1, q3 = 2.25:
# M = (100, -50, 30, 20, -10, 40): vm = 152.31546211727814, tr = 80; phi = 0.05, k = 20 (sf = 120):
# f = (vm/sf)^2 + 2 q1 phi cosh(q2 tr / (2 sf)) - (1 + q3 phi^2) = 0.7638968912856019
# df/dM = 2 vm/sf^2 * 3/2 dev M / vm + q1 q2 phi sinh(q2 tr / (2 sf)) / sf I
#   = (0.015489990626062872, -0.01576000937393713, 0.0009066572927295381, 1/240, -1/480, 1/120)
# df/dphi = 2 q1 cosh(1/3) - 2 q3 phi = 2.943215603489818
# df/dk = -2 vm^2/sf^3 - q1 q2 phi tr sinh(1/3) / sf^2 = -0.026993327084041903
[Models]
  [vonmises]
    type = SR2Invariant
    invariant_type = 'VONMISES'
    tensor = 'mandel_stress'
    invariant = 'effective_stress'
  []
  [trace]
    type = SR2Invariant
    invariant_type = 'I1'
    tensor = 'mandel_stress'
    invariant = 'first_invariant'
  []
  [yield_fn]
    type = GTNYieldFunction
    flow_invariant = 'effective_stress'
    poro_invariant = 'first_invariant'
    isotropic_hardening = 'isotropic_hardening'
    yield_stress = 100
    q1 = 1.5
    q2 = 1.0
    q3 = 2.25
  []
  [flow]
    type = ComposedModel
    models = 'vonmises trace yield_fn'
  []
  [model]
    type = Normality
    model = 'flow'
    function = 'yield_function'
    from = 'mandel_stress void_fraction isotropic_hardening'
    to = 'flow_direction void_fraction_direction isotropic_hardening_direction'
  []
[]

[Drivers]
  [surface]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'flow'
    batch_shape = '(2,)'
    input_SR2_names = 'mandel_stress'
    input_SR2_values = '100 -50 30 20 -10 40'
    input_Scalar_names = 'void_fraction isotropic_hardening'
    input_Scalar_values = '0.05 20'
    output_Scalar_names = 'yield_function'
    output_Scalar_values = '0.7638968912856019'
    check_second_derivatives = true
  []
  [unit]
    type = ModelUnitTest
    model = 'model'
    batch_shape = '(3,)'
    input_SR2_names = 'mandel_stress'
    input_SR2_values = '100 -50 30 20 -10 40'
    input_Scalar_names = 'void_fraction isotropic_hardening'
    input_Scalar_values = '0.05 20'
    output_SR2_names = 'flow_direction'
    output_SR2_values = '0.015489990626062872 -0.01576000937393713 0.0009066572927295381 0.004166666666666667 -0.0020833333333333333 0.008333333333333333'
    output_Scalar_names = 'void_fraction_direction isotropic_hardening_direction'
    output_Scalar_values = '2.943215603489818 -0.026993327084041903'
  []
[]
