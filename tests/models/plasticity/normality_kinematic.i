# Normality of the yield surface with a back stress, f = sqrt(2/3) (vm(M - X) - sigma_y - k), sigma_y = 5:
# M = (100, -50, 30, 20, -10, 40), X = (20, -10, -10, 5, -3, 4), k = 20: vm(M - X) = 126.13484847574836,
# f = 82.57625799309218; df/dM = dev(M - X) / |dev(M - X)| = -df/dX, df/dk = -sqrt(2/3).
# The composed surface is checked to second order (the Hessian that Normality's tangent uses).
[Models]
  [overstress]
    type = SR2LinearCombination
    from = 'mandel_stress back_stress'
    to = 'overstress'
    weights = '1 -1'
  []
  [vonmises]
    type = SR2Invariant
    invariant_type = 'VONMISES'
    tensor = 'overstress'
    invariant = 'effective_stress'
  []
  [yield_fn]
    type = YieldFunction
    yield_stress = 5
    isotropic_hardening = 'isotropic_hardening'
  []
  [flow]
    type = ComposedModel
    models = 'overstress vonmises yield_fn'
  []
  [model]
    type = Normality
    model = 'flow'
    function = 'yield_function'
    from = 'mandel_stress back_stress isotropic_hardening'
    to = 'flow_direction kinematic_hardening_direction isotropic_hardening_direction'
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
    input_SR2_names = 'mandel_stress back_stress'
    input_SR2_values = '100 -50 30 20 -10 40; 20 -10 -10 5 -3 4'
    input_Scalar_names = 'isotropic_hardening'
    input_Scalar_values = '20'
    output_Scalar_names = 'yield_function'
    output_Scalar_values = '82.57625799309218'
    check_second_derivatives = true
  []
  [unit]
    type = ModelUnitTest
    model = 'model'
    batch_shape = '(3,)'
    input_SR2_names = 'mandel_stress back_stress'
    input_SR2_values = '100 -50 30 20 -10 40; 20 -10 -10 5 -3 4'
    input_Scalar_names = 'isotropic_hardening'
    input_Scalar_values = '20'
    output_SR2_names = 'flow_direction kinematic_hardening_direction'
    output_SR2_values = '0.5178563042930752 -0.6473203803663441 0.1294640760732688 0.14564708558242742 -0.06796863993846612 0.3495530053978258; -0.5178563042930752 0.6473203803663441 -0.1294640760732688 -0.14564708558242742 0.06796863993846612 -0.3495530053978258'
    output_Scalar_names = 'isotropic_hardening_direction'
    output_Scalar_values = '-0.816496580927726'
  []
[]
