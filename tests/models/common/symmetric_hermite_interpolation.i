# SymmetricHermiteInterpolation: lb = 1, ub = 3, scale = 1/2
# a = 1.5 -> x = 0.25 < 0.5: 24 * 0.0625 - 32 * 0.015625 = 1.5 - 0.5 = 1.0 -> output 0.5
# a = 2.6 -> x = 0.8, 1 - x = 0.2: 24 * 0.04 - 32 * 0.008 = 0.96 - 0.256 = 0.704 -> output 0.352
[Models]
  [model1]
    type = SymmetricHermiteInterpolation
    argument = 'a'
    output = 'y'
    lower_bound = 1
    upper_bound = 3
  []
  [model2]
    type = SymmetricHermiteInterpolation
    argument = 'b'
    output = 'z'
    lower_bound = 1
    upper_bound = 3
  []
  [model]
    type = ComposedModel
    models = 'model1 model2'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(3,)'
    input_Scalar_names = 'a b'
    input_Scalar_values = '1.5 2.6'
    output_Scalar_names = 'y z'
    output_Scalar_values = '0.5 0.352'
    check_second_derivatives = true
  []
[]
