# LinearIsotropicStrainEnergyDensity, E = 200, nu = 0.25: lambda = E nu / ((1 + nu)(1 - 2 nu)) = 80,
# mu = E / (2 (1 + nu)) = 80, K = lambda + 2 mu / 3 = 400/3.
# [unit] (decomposition NONE) and [tension] (VOLDEV), strain (xx yy zz yz xz xy) =
#   (0.01, -0.002, 0.003, 0.001, 0, 0.002):
#   tr = 0.011, E : E = 1e-4 + 4e-6 + 9e-6 + 2 (1e-6 + 0 + 4e-6) = 1.23e-4
#   psi = lambda/2 tr^2 + mu E : E = 40 * 1.21e-4 + 80 * 1.23e-4 = 4.84e-3 + 9.84e-3 = 0.01468
#   NONE: active = 0.01468, inactive = 0; VOLDEV with tr > 0: the same (all of it active)
# [compression] (VOLDEV), strain (-0.01, 0.002, -0.003, 0.001, 0, 0.002): tr = -0.011,
#   dev diag = (-0.01, 0.002, -0.003) + 0.011/3 = (-19, 17, 2)/3000,
#   dev : dev = (361 + 289 + 4) / 9e6 + 2 (1e-6 + 4e-6) = 7.26667e-5 + 1e-5 = 8.266667e-5
#   active = mu dev : dev = 80 * 8.266667e-5 = 6.613333e-3
#   inactive = K/2 tr^2 = 200/3 * 1.21e-4 = 8.066667e-3  (sum 0.01468, as without the split)
[Models]
  [model]
    type = LinearIsotropicStrainEnergyDensity
    strain = 'E'
    active_strain_energy_density = 'psi_a'
    inactive_strain_energy_density = 'psi_i'
    coefficients = '200 0.25'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
  [voldev]
    type = LinearIsotropicStrainEnergyDensity
    strain = 'E'
    active_strain_energy_density = 'psi_a'
    inactive_strain_energy_density = 'psi_i'
    coefficients = '200 0.25'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    decomposition = 'VOLDEV'
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
    input_SR2_names = 'E'
    input_SR2_values = '0.01 -0.002 0.003 0.001 0 0.002'
    output_Scalar_names = 'psi_a psi_i'
    output_Scalar_values = '0.01468 0'
    check_second_derivatives = true
  []
  [tension]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'voldev'
    batch_shape = '(3,)'
    input_SR2_names = 'E'
    input_SR2_values = '0.01 -0.002 0.003 0.001 0 0.002'
    output_Scalar_names = 'psi_a psi_i'
    output_Scalar_values = '0.01468 0'
    check_second_derivatives = true
  []
  [compression]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'voldev'
    batch_shape = '(2,2)'
    input_SR2_names = 'E'
    input_SR2_values = '-0.01 0.002 -0.003 0.001 0 0.002'
    output_Scalar_names = 'psi_a psi_i'
    output_Scalar_values = '0.006613333333333333 0.008066666666666666'
    check_second_derivatives = true
  []
[]
