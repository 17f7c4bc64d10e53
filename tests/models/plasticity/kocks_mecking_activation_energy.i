# KocksMeckingActivationEnergy: g = k T / (mu b^3) ln(eps0 / eps_dot) (Kocks & Mecking 2003),
# k = 1.38064e-20, b = 2.474e-7, eps0 = 1e10, mu = 70000, T = 600, eps_dot = 1e-3:
# b^3 = 1.5142552424e-20, mu b^3 = 1.05997866968e-15, k T = 8.28384e-18,
# k T / (mu b^3) = 0.00781510065905, ln(1e10 / 1e-3) = 13 ln 10 = 29.9336062089
# g = 0.00781510065905 * 29.9336062089 = 0.233934145611
[Models]
  [model]
    type = KocksMeckingActivationEnergy
    temperature = 'T'
    strain_rate = 'eps_dot'
    activation_energy = 'g'
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
    model = 'model'
    check_second_derivatives = true
    batch_shape = '(2,3)'
    input_Scalar_names = 'T eps_dot'
    input_Scalar_values = '600 1e-3'
    output_Scalar_names = 'g'
    output_Scalar_values = '0.2339341456112322'
  []
[]
