# VanGenuchtenCapillaryPressure, a = 1.5, m = 0.6 (1/m = 5/3, 1 - m = 0.4), log-linear below S_p = 0.1:
#   P_c(S) = 1.5 (S^(-5/3) - 1)^0.4                                     S >= 0.1
#   S_p^(-5/3) = 10^(5/3) = 46.415888336;  P_c(0.1) = 1.5 * 45.415888336^0.4 = 1.5 * 4.601327289 = 6.901990933
#   slope of ln P_c at S_p: s = -(0.4/0.6) * 46.415888336 / 0.1 / 45.415888336 = -6.813458173
#   S = 0.05 < S_p: P_c = 6.901990933 exp(-6.813458173 * (0.05 - 0.1)) = 6.901990933 * 1.405893310 = 9.703462879
#   S = 0.3: 0.3^(-5/3) = 7.438143890;  1.5 * 6.438143890^0.4 = 1.5 * 2.106222615 = 3.159333922
#   S = 0.8: 0.8^(-5/3) = 1.450496511;  1.5 * 0.450496511^0.4 = 1.5 * 0.726903186 = 1.090354779
# without the extension (plain): S = 0.05: 20^(5/3) = 147.361259946;  1.5 * 146.361259946^0.4 = 1.5 * 7.348022133 = 11.022033200
[Tensors]
  [S]
    type = Python
    expr = 'Scalar(torch.tensor([0.05, 0.3, 0.8], dtype=torch.float64))'
  []
  [Pc]
    type = Python
    expr = 'Scalar(torch.tensor([9.70346287899436, 3.15933392195764, 1.09035477942277], dtype=torch.float64))'
  []
  [Pc_plain]
    type = Python
    expr = 'Scalar(torch.tensor([11.0220331995031, 3.15933392195764, 1.09035477942277], dtype=torch.float64))'
  []
[]

[Models]
  [model]
    type = VanGenuchtenCapillaryPressure
    a = 1.5
    m = 0.6
    effective_saturation = 'S'
    capillary_pressure = 'Pc'
    log_extension = true
    transition_saturation = 0.1
  []
  [plain]
    type = VanGenuchtenCapillaryPressure
    a = 1.5
    m = 0.6
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
