# GeneralElasticity: the cubic stiffness C1 = 120, C2 = 40, C3 = 60 rotated by the MRP r = (0.1, -0.2, 0.3),
# sigma_ij = R_ip R_jq R_kr R_ls C_pqrs eps_kl with the full 3x3x3x3 tensor (C_iiii = 120, C_iijj = 40,
# C_ijij = C_ijji = 30) and R by Rodrigues' formula, in numpy. Unrotated it would be (1, -1.4, 1.4, 0.24, -0.18, 0.12).
[Models]
  [C]
    type = CubicElasticityTensor
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO SHEAR_MODULUS'
    coefficients = '100 0.25 30'
  []
  [elasticity]
    type = GeneralElasticity
    elastic_stiffness_tensor = 'C'
    strain = 'eps'
    orientation = 'r'
    stress = 'sigma'
  []
  [model]
    type = ComposedModel
    models = 'C elasticity'
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
    input_SR2_names = 'eps'
    input_SR2_values = '0.01 -0.02 0.015 0.004 -0.003 0.002'
    input_MRP_names = 'r'
    input_MRP_values = '0.1 -0.2 0.3'
    output_SR2_names = 'sigma'
    output_SR2_values = '0.8557178804348295 -0.9741803528096641 1.1184624723748353 0.2694645245738149 -0.1621968975992339 0.09968750830871868'
  []
[]
