# LinearIsotropicElasticJ2TrialStressUpdate with renamed variables and the constants given as K and G:
# K = 150000, G = 80000, sigma_bar_trial = 500, ep = 0.003, ep~1 = 0.0025:
# sigma_bar = 500 - 3 * 80000 * 0.0005 = 500 - 120 = 380
[Models]
  [model]
    type = LinearIsotropicElasticJ2TrialStressUpdate
    elastic_trial_stress = 's_tr'
    equivalent_plastic_strain = 'ep'
    updated_trial_stress = 's'
    coefficients = '150000 80000'
    coefficient_types = 'BULK_MODULUS SHEAR_MODULUS'
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
    batch_shape = '(4,)'
    input_Scalar_names = 's_tr ep ep~1'
    input_Scalar_values = '500 0.003 0.0025'
    output_Scalar_names = 's'
    output_Scalar_values = '380'
  []
[]
