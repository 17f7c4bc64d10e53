# NucleationFluxMagnitude: Z = 0.5, beta = 4, dG* = 2, T = 10, N_0 = 3, k_B = 0.1:
# J = 0.5 * 4 * 3 * exp(-2 / (0.1 * 10)) = 6 exp(-2) = 6 * 0.1353352832366127 = 0.8120116994196762
[Models]
  [model]
    type = NucleationFluxMagnitude
    zeldovich_factor = 'Z'
    kinetic_factor = 'beta'
    nucleation_barrier = 'G'
    temperature = 'T'
    nucleation_site_density = 3
    boltzmann_constant = 0.1
    nucleation_flux_magnitude = 'J'
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
    input_Scalar_names = 'Z beta G T'
    input_Scalar_values = '0.5 4 2 10'
    output_Scalar_names = 'J'
    output_Scalar_values = '0.8120116994196762'
    check_second_derivatives = true
  []
[]
