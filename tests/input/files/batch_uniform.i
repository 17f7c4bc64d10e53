# a uniform example batch shape and the dynamic_batch flag
[Settings]
  example_batch_shape = '(5,3)'
  dynamic_batch = true
[]
