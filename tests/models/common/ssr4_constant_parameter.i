# SSR4ConstantParameter: parameter = value = (1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36) (a [Tensors] entry)
[Tensors]
  [A]
    type = Python
    expr = 'SSR4(torch.arange(1, 37, dtype=torch.float64).reshape(6, 6))'
  []
[]

[Models]
  [model]
    type = SSR4ConstantParameter
    value = 'A'
    parameter = 'A'
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
    output_SSR4_names = 'A'
    output_SSR4_values = '1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36'
  []
[]
