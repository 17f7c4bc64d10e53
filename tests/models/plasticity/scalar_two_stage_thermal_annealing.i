# ScalarTwoStageThermalAnnealing: modified_rate = base_rate (T <= T1), 0 (T1 < T <= T2), -base / tau (T > T2)
# T1 = 600, T2 = 800, tau = 50, base_rate = 2, base = 10, T = 500 / 700 / 900 along the last batch axis:
#   T = 500 (below T1):      modified_rate = base_rate = 2
#   T = 700 (between):       modified_rate = 0
#   T = 900 (above T2):      modified_rate = -10 / 50 = -0.2
[Tensors]
  [T]
    type = Python
    expr = 'Scalar(torch.tensor([500.0, 700.0, 900.0], dtype=torch.float64))'
  []
  [rate]
    type = Python
    expr = 'Scalar(torch.tensor([2.0, 0.0, -0.2], dtype=torch.float64))'
  []
[]

[Models]
  [model]
    type = ScalarTwoStageThermalAnnealing
    base_rate = 'h_rate'
    base = 'h'
    temperature = 'T'
    modified_rate = 'h_rate_annealed'
    T1 = 600
    T2 = 800
    tau = 50
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
    input_Scalar_names = 'h_rate h T'
    input_Scalar_values = '2; 10; T'
    output_Scalar_names = 'h_rate_annealed'
    output_Scalar_values = 'rate'
    check_second_derivatives = true
  []
[]
