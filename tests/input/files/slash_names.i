# A composed model whose variables have "/" in their names: O = 2 vonmises(C : Ee) + 3 T
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    strain = 'state/internal/Ee'
    stress = 'state/S'
  []
  [vm]
    type = SR2Invariant
    invariant_type = VONMISES
    tensor = 'state/S'
    invariant = 'internal/VM'
  []
  [scale]
    type = ScalarLinearCombination
    from = 'internal/VM forces/T'
    to = 'state/internal/O'
    weights = '2 3'
  []
  [model]
    type = ComposedModel
    models = 'elasticity vm scale'
  []
[]
