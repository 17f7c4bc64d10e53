# ProjectedDiffusivitySum, two species: dx = (0.5, 0.3), D = (2, D2 = 4) (the second promoted to a
# variable), x_inf = (0.1, 0.05):
# S = 0.5^2 / (2 * 0.1) + 0.3^2 / (4 * 0.05) = 1.25 + 0.45 = 1.7
[Models]
  [model]
    type = ProjectedDiffusivitySum
    far_field_concentrations = 'x1 x2'
    concentration_differences = '0.5 0.3'
    diffusivities = '2 D2'
    projected_diffusivity_sum = 'S'
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
    input_Scalar_names = 'x1 x2 D2'
    input_Scalar_values = '0.1 0.05 4'
    output_Scalar_names = 'S'
    output_Scalar_values = '1.7'
    check_second_derivatives = true
  []
[]
