# OlevskySinteringStress: sigma_s = 3 alpha (1 - phi)^2 / r0 (Olevsky 1998),
# alpha = 1.5, r0 = 0.01, phi = 0.2: 3 * 1.5 * 0.8^2 / 0.01 = 4.5 * 0.64 / 0.01 = 288
[Models]
  [model]
    type = OlevskySinteringStress
    surface_tension = 1.5
    particle_radius = 0.01
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
    batch_shape = '(2,3)'
    input_Scalar_names = 'void_fraction'
    input_Scalar_values = '0.2'
    output_Scalar_names = 'sintering_stress'
    output_Scalar_values = '288'
  []
[]
