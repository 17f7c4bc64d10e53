# IdealSolutionVolumetricDrivingForce, two species, T = 800, R_g = 8.314, c = (0.2, 0.01),
# c_eq = (0.1, ceq2 = 0.001) (the second promoted to a variable); R_g T = 6651.2:
# default weights (1, 1): dg = 6651.2 (ln 2 + ln 10) = 6651.2 ln 20 = 6651.2 * 2.995732273553991
#                            = 19925.214497862304
# weights (2, 0.5):        dg = 6651.2 (2 ln 2 + 0.5 ln 10) = 6651.2 * (1.3862943611198906 + 1.151292546497023)
#                            = 6651.2 * 2.5375869076169136 = 16877.998039941613
[Models]
  [m1]
    type = IdealSolutionVolumetricDrivingForce
    temperature = 'T'
    current_concentrations = 'c1 c2'
    equilibrium_concentrations = '0.1 ceq2'
    gas_constant = 8.314
    driving_force = 'dg'
  []
  [m2]
    type = IdealSolutionVolumetricDrivingForce
    temperature = 'T'
    current_concentrations = 'c1 c2'
    equilibrium_concentrations = '0.1 ceq2'
    gas_constant = 8.314
    weights = '2 0.5'
    driving_force = 'dg_weighted'
  []
  [model]
    type = ComposedModel
    models = 'm1 m2'
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
    input_Scalar_names = 'T c1 c2 ceq2'
    input_Scalar_values = '800 0.2 0.01 0.001'
    output_Scalar_names = 'dg dg_weighted'
    output_Scalar_values = '19925.214497862304 16877.998039941613'
    check_second_derivatives = true
  []
[]
