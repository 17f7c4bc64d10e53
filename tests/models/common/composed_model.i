# ComposedModel: elastic strain = strain - plastic strain -> Hooke (lambda = 20, mu = 30) -> von Mises
# strain = (0.015, 0, 0.004, 0.005, 0, 0.002), plastic_strain = (0.005, 0.002, 0.001, 0.001, 0.001, 0)
# elastic_strain = (0.01, -0.002, 0.003, 0.004, -0.001, 0.002), tr = 0.011
# stress = 0.22 I + 60 elastic_strain = (0.82, 0.10, 0.40, 0.24, -0.06, 0.12)
# stress:stress = 0.6724 + 0.01 + 0.16 + 2 (0.0576 + 0.0036 + 0.0144) = 0.9936, tr = 1.32
# dev:dev = 0.9936 - 1.32^2 / 3 = 0.4128; effective_stress = sqrt(1.5 * 0.4128) = sqrt(0.6192) = 0.7868926229162401
[Models]
  [elastic_strain]
    type = SR2LinearCombination
    from = 'strain plastic_strain'
    to = 'elastic_strain'
    weights = '1 -1'
  []
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '72 0.2'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    strain = 'elastic_strain'
  []
  [vonmises]
    type = SR2Invariant
    invariant_type = 'VONMISES'
    tensor = 'stress'
    invariant = 'effective_stress'
  []
  [model]
    type = ComposedModel
    models = 'vonmises elasticity elastic_strain'
    additional_outputs = 'stress'
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
    input_SR2_names = 'strain plastic_strain'
    input_SR2_values = '0.015 0 0.004 0.005 0 0.002; 0.005 0.002 0.001 0.001 0.001 0'
    output_SR2_names = 'stress'
    output_SR2_values = '0.82 0.10 0.40 0.24 -0.06 0.12'
    output_Scalar_names = 'effective_stress'
    output_Scalar_values = '0.7868926229162401'
  []
[]
