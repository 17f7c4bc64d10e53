# First-order reaction kinetics through the composition of chemical_reactions.md (the pyrolysis
# example's reaction block): ArrheniusParameter k(T) = k0 exp(-Q / (R T)) promoted into the
# ContractingGeometry coefficient, alpha_dot = k (1 - alpha)^n with n = 1,
# ScalarBackwardEulerTimeIntegration alpha - alpha~1 - dt alpha_dot = 0, NonlinearSystem +
# ImplicitUpdate/Newton with a ConstantExtrapolationPredictor, advanced by TransientDriver at
# three constant temperatures; checked by test_first_order_reaction.py.
#
# [unit]: one residual evaluation of the implicit model at T = 600, alpha = 0.3, alpha~1 = 0.25,
#   t = 0.12, t~1 = 0.1 (dt = 0.02), k0 = 10, Q = 5000, R = 8.314:
#   Q / (R T) = 5000 / 4988.4 = 1.0023253949162056, k = 10 exp(-1.0023253949162056) = 3.6702497006559174
#   alpha_dot = k (1 - 0.3) = 2.569174790459142
#   residual = 0.3 - 0.25 - 0.02 * 2.569174790459142 = 0.05 - 0.05138349580918284 = -0.0013834958091828373
nbatch = 3
nstep = 100

[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 2, ${nstep} + 1, dtype=torch.float64).unsqueeze(-1).expand(${nstep} + 1, ${nbatch}))'
  []
  [temperatures]
    type = Python
    expr = 'Scalar(torch.tensor([500.0, 600.0, 700.0], dtype=torch.float64).expand(${nstep} + 1, ${nbatch}))'
  []
  [alpha0]
    type = Python
    expr = 'Scalar(torch.tensor([0.0, 0.1, 0.3], dtype=torch.float64))'
  []
[]

[Models]
  [reaction_coef]
    type = ArrheniusParameter
    temperature = 'T'
    reference_value = 10
    activation_energy = 5000
    ideal_gas_constant = 8.314
  []
  [reaction_rate]
    type = ContractingGeometry
    conversion_degree = 'alpha'
    reaction_rate = 'alpha_rate'
    coef = 'reaction_coef'
    order = 1
  []
  [reaction_ode]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'alpha'
  []
  [reaction]
    type = ComposedModel
    models = 'reaction_coef reaction_rate reaction_ode'
  []
  [predictor]
    type = ConstantExtrapolationPredictor
    unknowns_Scalar = 'alpha'
  []
  [solve_reaction]
    type = ImplicitUpdate
    equation_system = 'eq_sys'
    solver = 'newton'
    predictor = 'predictor'
  []
  [model]
    type = ComposedModel
    models = 'solve_reaction reaction_coef reaction_rate'
    additional_outputs = 'alpha'
  []
[]

[EquationSystems]
  [eq_sys]
    type = NonlinearSystem
    model = 'reaction'
    unknowns = 'alpha'
  []
[]

[Solvers]
  [newton]
    type = Newton
    abs_tol = 1e-14
    rel_tol = 1e-12
    linear_solver = 'lu'
  []
  [lu]
    type = DenseLU
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-10
    derivative_abs_tol = 1e-12
    model = 'reaction'
    batch_shape = '(2,3)'
    input_Scalar_names = 'T alpha alpha~1 t t~1'
    input_Scalar_values = '600 0.3 0.25 0.12 0.1'
    output_Scalar_names = 'alpha_residual'
    output_Scalar_values = '-0.0013834958091828373'
    check_second_derivatives = true
  []
  [reaction_history]
    type = TransientDriver
    model = 'model'
    prescribed_time = 'times'
    prescribed_Scalar_names = 'T'
    prescribed_Scalar_values = 'temperatures'
    ic_Scalar_names = 'alpha'
    ic_Scalar_values = 'alpha0'
  []
[]
