# AvramiErofeevNucleation (chemical_reactions.md): alpha_dot = k (1 - alpha) (-ln(1 - alpha))^n;
# alpha = 0.2, k = 0.5, n = 2: -ln(0.8) = 0.2231435513142097, squared = 0.0497930444931174,
# alpha_dot = 0.5 * 0.8 * 0.0497930444931174 = 0.0199172177972469
[Models]
  [model]
    type = AvramiErofeevNucleation
    coef = 0.5
    order = 2
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
    batch_shape = '(3,)'
    input_Scalar_names = 'conversion_degree'
    input_Scalar_values = '0.2'
    output_Scalar_names = 'reaction_rate'
    output_Scalar_values = '0.019917217797246936'
    check_second_derivatives = true
  []
[]
