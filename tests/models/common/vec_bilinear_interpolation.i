# VecBilinearInterpolation: X1 = (0, 1, 3), X2 = (0, 2), Y[i][j] = X1_i + 10 X2_j + X1_i X2_j:
# Y = [[0, 20], [1, 23], [3, 29]] (rows along X1, columns along X2); bilinear reproduces it exactly.
# (a, b) = (2, 1): 2 + 10 + 2 = 14 ; (0.5, 0.5): 0.5 + 5 + 0.25 = 5.75 ; knot (1, 2): 1 + 20 + 2 = 23
# Vec: Y[i][j] = (scalar Y[i][j]) * c with c = (1, -1, 2), so outputs are those scalars times c
[Tensors]
  [X1]
    type = Python
    expr = 'Scalar(torch.tensor([0.0, 1.0, 3.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [X2]
    type = Python
    expr = 'Scalar(torch.tensor([0.0, 2.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [Y]
    type = Python
    expr = 'Vec(torch.tensor([[0.0, 20.0], [1.0, 23.0], [3.0, 29.0]], dtype=torch.float64)[..., None] * torch.tensor([1.0, -1.0, 2.0], dtype=torch.float64), sub_batch_ndim=2)'
  []
[]

[Models]
  [m1]
    type = VecBilinearInterpolation
    argument1 = 'a1'
    argument2 = 'b1'
    output = 'y1'
    abscissa1 = 'X1'
    abscissa2 = 'X2'
    ordinate = 'Y'
  []
  [m2]
    type = VecBilinearInterpolation
    argument1 = 'a2'
    argument2 = 'b2'
    output = 'y2'
    abscissa1 = 'X1'
    abscissa2 = 'X2'
    ordinate = 'Y'
  []
  [m3]
    type = VecBilinearInterpolation
    argument1 = 'a3'
    argument2 = 'b3'
    output = 'y3'
    abscissa1 = 'X1'
    abscissa2 = 'X2'
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
    input_Scalar_names = 'a1 b1 a2 b2 a3 b3'
    input_Scalar_values = '2 1 0.5 0.5 1 2'
    output_Vec_names = 'y1 y2 y3'
    output_Vec_values = '14 -14 28; 5.75 -5.75 11.5; 23 -23 46'
  []
[]
