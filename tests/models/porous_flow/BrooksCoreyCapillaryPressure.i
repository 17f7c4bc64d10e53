# BrooksCoreyCapillaryPressure, P_t = 2.3, p = 0.7 (1/p = 10/7), log-linear below S_p = 0.1:
#   P_c(S) = 2.3 S^(-10/7)                         S >= 0.1
#   P_c(0.1) = 2.3 * 10^(10/7) = 2.3 * 26.826957953 = 61.702003291
#   S = 0.05 < S_p: P_c = P_c(0.1) exp(-(0.05 - 0.1) / (0.7 * 0.1)) = 61.702003291 e^(5/7)
#                       = 61.702003291 * 2.042727070 = 126.040352413  (the documented "~126")
#   S = 0.2: 2.3 * 5^(10/7) = 2.3 * 9.966176578 = 22.922206130
#   S = 0.5: 2.3 * 2^(10/7) = 2.3 * 2.691800385 = 6.191140886
# without the extension (plain): S = 0.05: 2.3 * 20^(10/7) = 2.3 * 72.212815753 = 166.089476231
[Tensors]
  [S]
    type = Python
    expr = 'Scalar(torch.tensor([0.05, 0.2, 0.5], dtype=torch.float64))'
  []
  [Pc]
    type = Python
    expr = 'Scalar(torch.tensor([126.040352413062, 22.9222061298449, 6.19114088610884], dtype=torch.float64))'
  []
  [Pc_plain]
    type = Python
    expr = 'Scalar(torch.tensor([166.089476231486, 22.9222061298449, 6.19114088610884], dtype=torch.float64))'
  []
[]

[Models]
  [model]
    type = BrooksCoreyCapillaryPressure
    threshold_pressure = 2.3
    exponent = 0.7
    effective_saturation = 'S'
    capillary_pressure = 'Pc'
    log_extension = true
    transition_saturation = 0.1
  []
  [plain]
    type = BrooksCoreyCapillaryPressure
    threshold_pressure = 2.3
    exponent = 0.7
    effective_saturation = 'S'
    capillary_pressure = 'Pc'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-10
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(2,3)'
    input_Scalar_names = 'S'
    input_Scalar_values = 'S'
    output_Scalar_names = 'Pc'
    output_Scalar_values = 'Pc'
    check_second_derivatives = true
  []
  [unit_plain]
    type = ModelUnitTest
    value_rel_tol = 1e-10
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'plain'
    batch_shape = '(2,3)'
    input_Scalar_names = 'S'
    input_Scalar_values = 'S'
    output_Scalar_names = 'Pc'
    output_Scalar_values = 'Pc_plain'
    check_second_derivatives = true
  []
[]
