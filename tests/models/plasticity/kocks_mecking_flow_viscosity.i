# KocksMeckingFlowViscosity: eta = mu exp(B) eps0^(k T A / (mu b^3)) (block name 'eta' names the output),
# k = 1.38064e-20, b = 2.474e-7, eps0 = 1e10, mu = 70000, A = -8.679, B = -0.744, T = 600:
# k T / (mu b^3) = 0.00781510065905, times A = -0.0678272586199; ln(1e10) = 23.0258509299,
# exponent -0.0678272586199 * 23.0258509299 = -1.56178034597, exp(-1.56178034597) = 0.209762289123,
# exp(-0.744) = 0.475209271686; eta = 70000 * 0.475209271686 * 0.209762289123 = 6977.66892489
[Models]
  [eta]
    type = KocksMeckingFlowViscosity
    temperature = 'T'
    A = -8.679
    B = -0.744
    shear_modulus = 70000
    k = 1.38064e-20
    b = 2.474e-7
    eps0 = 1e10
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'eta'
    check_second_derivatives = true
    batch_shape = '(2,3)'
    input_Scalar_names = 'T'
    input_Scalar_values = '600'
    output_Scalar_names = 'eta'
    output_Scalar_values = '6977.66892489077'
  []
[]
