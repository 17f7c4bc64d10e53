# OlevskySinteringStress with both parameters promoted to variables: alpha = 2, r0 = 0.5, phi = 0.4:
# sigma_s = 3 alpha (1 - phi)^2 / r0 = 6 * 0.36 / 0.5 = 4.32
[Models]
  [model]
    type = OlevskySinteringStress
    void_fraction = 'phi'
    sintering_stress = 'ps'
    surface_tension = 'alpha'
    particle_radius = 'r0'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    check_second_derivatives = true
    batch_shape = '(3,)'
    input_Scalar_names = 'phi alpha r0'
    input_Scalar_values = '0.4 2 0.5'
    output_Scalar_names = 'ps'
    output_Scalar_values = '4.32'
  []
[]
