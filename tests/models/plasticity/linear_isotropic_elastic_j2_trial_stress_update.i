# LinearIsotropicElasticJ2TrialStressUpdate: radial return sigma_bar = sigma_bar_trial - 3 G (ep - ep~1),
# E = 200000, nu = 0.3: G = E / (2 (1 + nu)) = 76923.0769231; sigma_bar_trial = 300, ep = 0.0012, ep~1 = 0.001:
# 3 G (ep - ep~1) = 230769.230769 * 0.0002 = 46.1538461538, sigma_bar = 253.846153846
[Models]
  [model]
    type = LinearIsotropicElasticJ2TrialStressUpdate
    coefficients = '200000 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
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
    input_Scalar_names = 'elastic_trial_stress equivalent_plastic_strain equivalent_plastic_strain~1'
    input_Scalar_values = '300 0.0012 0.001'
    output_Scalar_names = 'updated_trial_stress'
    output_Scalar_values = '253.84615384615387'
  []
[]
