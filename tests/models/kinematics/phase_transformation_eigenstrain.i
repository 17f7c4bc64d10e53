# PhaseTransformationEigenstrain: eps_v = dV f = 0.05 * 0.4 = 0.02, eps* = eps_v I = (0.02, 0.02, 0.02, 0, 0, 0)
[Models]
  [model]
    type = PhaseTransformationEigenstrain
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
    input_Scalar_names = 'phase_fraction volume_fraction_change'
    input_Scalar_values = '0.4 0.05'
    output_SR2_names = 'eigenstrain'
    output_SR2_values = '0.02 0.02 0.02 0 0 0'
    check_second_derivatives = true
  []
[]
