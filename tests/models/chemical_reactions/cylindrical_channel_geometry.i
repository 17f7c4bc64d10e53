# CylindricalChannelGeometry (chemical_reactions.md): r_i = sqrt(1 - phi_s - phi_p), r_o = sqrt(1 - phi_s);
# phi_s = 0.3, phi_p = 0.15: r_i = sqrt(0.55) = 0.7416198487095663, r_o = sqrt(0.7) = 0.8366600265340756
[Models]
  [model]
    type = CylindricalChannelGeometry
    solid_fraction = 'phi_s'
    product_fraction = 'phi_p'
    inner_radius = 'ri'
    outer_radius = 'ro'
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
    batch_shape = '(2,2)'
    input_Scalar_names = 'phi_s phi_p'
    input_Scalar_values = '0.3 0.15'
    output_Scalar_names = 'ri ro'
    output_Scalar_values = '0.7416198487095663 0.8366600265340756'
    check_second_derivatives = true
  []
[]
