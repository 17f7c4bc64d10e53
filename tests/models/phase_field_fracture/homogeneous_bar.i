# A homogeneous bar in uniaxial strain through the elastic-brittle composition of
# phase_field_fracture.md (AT-2, power degradation p = 2, VOLDEV split; energy -> Normality
# dpsi/dd -> ScalarVariableRate -> KKT functional f = eta d_dot + dpsi/dd -> FBComplementarity ->
# NonlinearSystem + ImplicitUpdate/Newton with a LinearExtrapolationPredictor; the stress
# S = dpsi/dE from the same energy), advanced by TransientDriver; checked by test_phase_field.py.
#
# E = 1, nu = 0.25 (lambda = mu = 0.4, K = 2/3), G_c / (c_0 l) = GcbylbyCo = 0.01; the strain
# E(t) = t eps_max diag(1, 0, 0), eps_max = (0.3, 0.5, -0.4) over the batch, t in [0, 1].
# [rate_independent]: eta = 0 (model 'model'); [viscous]: eta = 0.01 (model 'viscous_model').
#
# [unit]: one residual evaluation of 'eq' (eta = 0) at d = 0.5, d~1 = 0.4, t = 0.2, t~1 = 0.1 and
#   E = diag(0.1, 0, 0): tr E = 0.1 > 0, dev E : dev E = (2/3)(0.01), psi_active = K/2 0.01 + mu (2/3) 0.01
#   = 0.01 (1/3 + 0.4 * 2/3) = 0.006, psi_inactive = 0;
#   psi = GcbylbyCo d^2 + (1 - d)^2 psi_active, dpsi/dd = 2 (0.01) d - 2 (1 - d) psi_active
#       = 0.01 - 0.006 = 0.004 = f (eta = 0); d_dot = (0.5 - 0.4) / 0.1 = 1
#   residual = f + d_dot - sqrt(f^2 + d_dot^2) = 1.004 - sqrt(1.000016) = 1.004 - 1.0000079999680001
#            = 0.0039920000319999
#   (no check_second_derivatives: the residual holds a Normality, whose own tangent is first order only)
GcbylbyCo = 0.01
eta = 0.01
nbatch = 3
nstep = 100

[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, ${nstep} + 1, dtype=torch.float64).unsqueeze(-1).expand(${nstep} + 1, ${nbatch}))'
  []
  [strains]
    type = Python
    expr = 'SR2.fill(torch.linspace(0, 1, ${nstep} + 1, dtype=torch.float64)[:, None] * torch.tensor([0.3, 0.5, -0.4], dtype=torch.float64), torch.zeros(${nstep} + 1, ${nbatch}, dtype=torch.float64), torch.zeros(${nstep} + 1, ${nbatch}, dtype=torch.float64))'
  []
[]

[Models]
  # ---- the regularized free energy psi(d, E)
  [degrade]
    type = PowerDegradationFunction
    phase = 'd'
    degradation = 'g'
    power = 2
  []
  [sed0]
    type = LinearIsotropicStrainEnergyDensity
    strain = 'E'
    active_strain_energy_density = 'psie_active'
    inactive_strain_energy_density = 'psie_inactive'
    coefficients = '1 0.25'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
    decomposition = 'VOLDEV'
  []
  [sed1]
    type = ScalarMultiplication
    from = 'g psie_active'
    to = 'psie_degraded'
  []
  [sed]
    type = ScalarLinearCombination
    from = 'psie_degraded psie_inactive'
    to = 'psie'
  []
  [cracked]
    type = CrackGeometricFunctionAT2
    phase = 'd'
    crack = 'alpha'
  []
  [sum]
    type = ScalarLinearCombination
    from = 'alpha psie'
    to = 'psi'
    weights = '${GcbylbyCo} 1'
  []
  [energy]
    type = ComposedModel
    models = 'degrade sed0 sed1 sed cracked sum'
  []

  # ---- the KKT residual
  [dpsidd]
    type = Normality
    model = 'energy'
    function = 'psi'
    from = 'd'
    to = 'dpsidd'
  []
  [drate]
    type = ScalarVariableRate
    variable = 'd'
  []
  [functional]
    type = ScalarLinearCombination
    from = 'd_rate dpsidd'
    to = 'f'
    weights = '0 1'
  []
  [viscous_functional]
    type = ScalarLinearCombination
    from = 'd_rate dpsidd'
    to = 'f'
    weights = '${eta} 1'
  []
  [Fish_Burm]
    type = FBComplementarity
    a = 'f'
    a_inequality = 'GE'
    b = 'd_rate'
    b_inequality = 'GE'
    complementarity = 'd_residual'
  []
  [eq]
    type = ComposedModel
    models = 'dpsidd drate functional Fish_Burm'
  []
  [viscous_eq]
    type = ComposedModel
    models = 'dpsidd drate viscous_functional Fish_Burm'
  []

  # ---- the update and the stress
  [predictor]
    type = LinearExtrapolationPredictor
    unknowns_Scalar = 'd'
  []
  [solve_d]
    type = ImplicitUpdate
    equation_system = 'eq_sys'
    solver = 'newton'
    predictor = 'predictor'
  []
  [viscous_solve_d]
    type = ImplicitUpdate
    equation_system = 'viscous_eq_sys'
    solver = 'newton'
    predictor = 'predictor'
  []
  [stress]
    type = Normality
    model = 'energy'
    function = 'psi'
    from = 'E'
    to = 'S'
  []
  [model]
    type = ComposedModel
    models = 'solve_d stress'
    additional_outputs = 'd'
  []
  [viscous_model]
    type = ComposedModel
    models = 'viscous_solve_d stress'
    additional_outputs = 'd'
  []
[]

[EquationSystems]
  [eq_sys]
    type = NonlinearSystem
    model = 'eq'
    unknowns = 'd'
  []
  [viscous_eq_sys]
    type = NonlinearSystem
    model = 'viscous_eq'
    unknowns = 'd'
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
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'eq'
    batch_shape = '(3,)'
    input_Scalar_names = 'd d~1 t t~1'
    input_Scalar_values = '0.5 0.4 0.2 0.1'
    input_SR2_names = 'E'
    input_SR2_values = '0.1 0 0 0 0 0'
    output_Scalar_names = 'd_residual'
    output_Scalar_values = '0.0039920000319999'
  []
  [rate_independent]
    type = TransientDriver
    model = 'model'
    prescribed_time = 'times'
    prescribed_SR2_names = 'E'
    prescribed_SR2_values = 'strains'
  []
  [viscous]
    type = TransientDriver
    model = 'viscous_model'
    prescribed_time = 'times'
    prescribed_SR2_names = 'E'
    prescribed_SR2_values = 'strains'
  []
[]
