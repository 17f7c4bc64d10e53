# SwellingAndPhaseChangeDeformationJacobian: phi_f = 0.3, c = 0.25, alpha = 0.2, dOmega = 0.09:
# J = 1 + alpha c phi_f + (1 - c) phi_f dOmega = 1 + 0.2*0.25*0.3 + 0.75*0.3*0.09 = 1 + 0.015 + 0.02025 = 1.03525
[Models]
  [model]
    type = SwellingAndPhaseChangeDeformationJacobian
    phase_fraction = 0.25
    swelling_coefficient = 0.2
    reference_volume_difference = 0.09
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
    input_Scalar_names = 'fluid_fraction'
    input_Scalar_values = '0.3'
    output_Scalar_names = 'jacobian'
    output_Scalar_values = '1.03525'
    check_second_derivatives = true
  []
[]
