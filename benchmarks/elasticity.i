# Benchmark model: linear isotropic elasticity (Hooke's law on the Mandel 6-vector).
[Models]
  [model]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
