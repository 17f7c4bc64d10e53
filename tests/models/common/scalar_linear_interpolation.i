# ScalarLinearInterpolation: X = (1, 2, 4), Y = (10, 20, 0)
# a = 1.5 (inside [1,2]): 10 + 0.5 * 10 = 15
# b = 3   (inside [2,4]): 20 + 0.5 * (0 - 20) = 10
# c = 2   (knot, X_0 < 2 <= X_1): 10 + 1 * 10 = 20
[Tensors]
  [X]
    type = Python
    expr = 'Scalar(torch.tensor([1.0, 2.0, 4.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [Y]
    type = Python
    expr = 'Scalar(torch.tensor([10.0, 20.0, 0.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
[]

[Models]
  [m1]
    type = ScalarLinearInterpolation
    argument = 'a'
    output = 'ya'
    abscissa = 'X'
    ordinate = 'Y'
  []
  [m2]
    type = ScalarLinearInterpolation
    argument = 'b'
    output = 'yb'
    abscissa = 'X'
    ordinate = 'Y'
  []
  [m3]
    type = ScalarLinearInterpolation
    argument = 'c'
    output = 'yc'
    abscissa = 'X'
    ordinate = 'Y'
  []
  [model]
    type = ComposedModel
    models = 'm1 m2 m3'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(3,)'
    input_Scalar_names = 'a b c'
    input_Scalar_values = '1.5 3 2'
    output_Scalar_names = 'ya yb yc'
    output_Scalar_values = '15 10 20'
  []
[]
