# ElasticStrainRate: eps_dot = d - d^p - eps W + W eps (W = skew(w)), full 3x3 products in numpy, with
# eps = (0.01, -0.02, 0.015, 0.004, -0.003, 0.002), d = (0.1, -0.05, 0.07, 0.03, 0, 0.02),
# d^p = (0.05, 0.03, -0.08, 0, 0.02, -0.01) (xx yy zz yz xz xy), w = (0.2, -0.1, 0.3).
[Models]
  [model]
    type = ElasticStrainRate
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
    batch_shape = '(2,3)'
    input_SR2_names = 'elastic_strain deformation_rate plastic_deformation_rate'
    input_SR2_values = '0.01 -0.02 0.015 0.004 -0.003 0.002; 0.1 -0.05 0.07 0.03 0 0.02; 0.05 0.03 -0.08 0 0.02 -0.01'
    input_WR2_names = 'vorticity'
    input_WR2_values = '0.2 -0.1 0.3'
    output_SR2_names = 'elastic_strain_rate'
    output_SR2_values = '0.0494 -0.0804 0.151 0.0223 -0.0213 0.0392'
  []
[]
