# ${E} and ${nu} come from pre / post / additional_args; nbatch has a default here
nbatch = 2
[Tensors]
  [x]
    type = Python
    expr = 'Scalar(torch.ones(${nbatch}))'
  []
[]
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '${E} ${raw 0. 25}'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
