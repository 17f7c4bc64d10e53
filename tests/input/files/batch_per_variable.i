# a per-variable example batch: dynamic size and sub-batch shape, lags follow their variable
[Settings]
  [example_batch_shape]
    dislocation_density = '(2; 12)'
    strain = '(2; )'
    stress = '(1000,)'
  []
[]
