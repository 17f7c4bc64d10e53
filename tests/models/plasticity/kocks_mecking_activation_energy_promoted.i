# KocksMeckingActivationEnergy with the shear modulus promoted to a variable 'mu' (as the optimization
# tutorial's demo_model.i wires it to a temperature table): same numbers as
# kocks_mecking_activation_energy.i, g = k T / (mu b^3) ln(eps0 / eps_dot) = 0.233934145611
[Models]
  [model]
    type = KocksMeckingActivationEnergy
    temperature = 'T'
    strain_rate = 'eps_dot'
    activation_energy = 'g'
    shear_modulus = 'mu'
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
    batch_shape = '(3,)'
    input_Scalar_names = 'T eps_dot mu'
    input_Scalar_values = '600 1e-3 70000'
    output_Scalar_names = 'g'
    output_Scalar_values = '0.2339341456112322'
  []
[]
