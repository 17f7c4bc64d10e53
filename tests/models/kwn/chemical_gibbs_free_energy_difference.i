# ChemicalGibbsFreeEnergyDifference, two species: dx = (0.5, 0.3), mu = (1000, mu2 = -200) (the second
# promoted to a variable), mu_eq = (400, -500):
# dG_chem = 0.5 (1000 - 400) + 0.3 (-200 + 500) = 300 + 90 = 390
[Models]
  [model]
    type = ChemicalGibbsFreeEnergyDifference
    concentration_differences = 'dx1 dx2'
    chemical_potentials = '1000 mu2'
    equilibrium_potentials = '400 -500'
    chemical_gibbs_free_energy = 'dG'
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
    batch_shape = '(2,2)'
    input_Scalar_names = 'dx1 dx2 mu2'
    input_Scalar_values = '0.5 0.3 -200'
    output_Scalar_names = 'dG'
    output_Scalar_values = '390'
    check_second_derivatives = true
  []
[]
