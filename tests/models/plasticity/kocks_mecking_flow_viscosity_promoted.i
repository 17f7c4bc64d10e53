# KocksMeckingFlowViscosity with A, B and mu promoted to variables (as demo_model.i wires them) and the
# output named by 'viscosity': same numbers as kocks_mecking_flow_viscosity.i, eta = 6977.66892489
[Models]
  [model]
    type = KocksMeckingFlowViscosity
    temperature = 'T'
    viscosity = 'eta'
    A = 'A'
    B = 'B'
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
    input_Scalar_names = 'T A B mu'
    input_Scalar_values = '600 -8.679 -0.744 70000'
    output_Scalar_names = 'eta'
    output_Scalar_values = '6977.66892489077'
  []
[]
