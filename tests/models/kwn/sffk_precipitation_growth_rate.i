# SFFKPrecipitationGrowthRate on three bins R = (1, 2, 4) (a [Tensors] table on one sub-batch axis):
# dG = 4000 (promoted to a variable), R_g = 10, T = 500, S = 2:
# R_dot_i = 4000 / (10 * 500 * 2 * R_i) = 0.4 / R_i = (0.4, 0.2, 0.1)
[Tensors]
  [R]
    type = Python
    expr = 'Scalar(torch.tensor([1.0, 2.0, 4.0], dtype=torch.float64), sub_batch_ndim=1)'
  []
  [Rdot]
    type = Python
    expr = 'Scalar(torch.tensor([0.4, 0.2, 0.1], dtype=torch.float64), sub_batch_ndim=1)'
  []
[]

[Models]
  [model]
    type = SFFKPrecipitationGrowthRate
    radius = 'R'
    projected_diffusivity_sum = 'S'
    temperature = 'T'
    gibbs_free_energy_difference = 'dG'
    gas_constant = 10
    growth_rate = 'Rdot'
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
    batch_shape = '(2,)'
    input_Scalar_names = 'S T dG'
    input_Scalar_values = '2 500 4000'
    output_Scalar_names = 'Rdot'
    output_Scalar_values = 'Rdot'
    check_second_derivatives = true
  []
[]
