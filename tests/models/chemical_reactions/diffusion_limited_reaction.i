# DiffusionLimitedReaction (chemical_reactions.md): alpha_dot = 2 D R_l R_s / omega * r_o / (r_o - r_i + delta);
# r_i = 0.7, r_o = 0.8, R_l = 0.9, R_s = 0.6, D = 0.02, omega = 0.5, delta = 0.01 (the default):
#   2 * 0.02 * 0.9 * 0.6 / 0.5 = 0.0432;  0.8 / (0.8 - 0.7 + 0.01) = 0.8 / 0.11 = 7.272727...
#   alpha_dot = 0.0432 * 7.272727... = 0.3141818181818182
[Models]
  [model]
    type = DiffusionLimitedReaction
    product_inner_radius = 'ri'
    solid_inner_radius = 'ro'
    liquid_reactivity = 'Rl'
    solid_reactivity = 'Rs'
    diffusion_coefficient = 0.02
    molar_volume = 0.5
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
    input_Scalar_names = 'ri ro Rl Rs'
    input_Scalar_values = '0.7 0.8 0.9 0.6'
    output_Scalar_names = 'reaction_rate'
    output_Scalar_values = '0.3141818181818182'
    check_second_derivatives = true
  []
[]
