# ContractingGeometry (chemical_reactions.md): alpha_dot = k (1 - alpha)^n;
# alpha = 0.2, k = 0.5, n = 1.5: 0.8^1.5 = 0.8 sqrt(0.8) = 0.8 * 0.894427191 = 0.7155417528,
# alpha_dot = 0.5 * 0.7155417528 = 0.3577708764
[Models]
  [model]
    type = ContractingGeometry
    conversion_degree = 'alpha'
    reaction_rate = 'alpha_rate'
    coef = 0.5
    order = 1.5
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
    input_Scalar_names = 'alpha'
    input_Scalar_values = '0.2'
    output_Scalar_names = 'alpha_rate'
    output_Scalar_values = '0.3577708763999664'
    check_second_derivatives = true
  []
[]
