# ArrheniusParameter: p = p0 exp(-Q / (R T)), p0 = 2, Q = 10, R = 8.314, T = 1.5
# Q / (R T) = 10 / 12.471 = 0.80186031593; exp(-0.8) = 0.449328964, exp(-0.00186031593) = 0.998141414
# p = 2 * 0.449328964 * 0.998141414 = 0.8969876946
[Models]
  [model]
    type = ArrheniusParameter
    temperature = 'T'
    parameter = 'p'
    reference_value = 2
    activation_energy = 10
    ideal_gas_constant = 8.314
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-6
    value_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(3,)'
    input_Scalar_names = 'T'
    input_Scalar_values = '1.5'
    output_Scalar_names = 'p'
    output_Scalar_values = '0.8969876946'
    check_second_derivatives = true
  []
[]
