# CrystalPlasticityStrainPredictor: elastic_strain = elastic_strain~1 + H(threshold - |elastic_strain~1|) scale d (t - t~1)
# scale = 0.5, threshold = 1e-3 (default), t = 0.02, t~1 = 0.01 (dt = 0.01), d = (0.1, -0.05, -0.05, yz = 0, xz = 0, xy = 0.2):
#   scale d dt = 0.005 d = (5e-4, -2.5e-4, -2.5e-4, 0, 0, xy = 1e-3); two cases of elastic_strain~1 on the last batch axis:
#   case 1 (elastic): elastic_strain~1 = (1e-4, 2e-4, -3e-4, 0, 0, 0), |.|^2 = 1e-8 + 4e-8 + 9e-8 = 1.4e-7 < 1e-6:
#     elastic_strain = (6e-4, -0.5e-4, -5.5e-4, 0, 0, xy = 1e-3)
#   case 2 (yielded): elastic_strain~1 = (2e-3, -1e-3, -1e-3, 0, 0, 0), |.|^2 = 4e-6 + 1e-6 + 1e-6 = 6e-6 > 1e-6:
#     elastic_strain = elastic_strain~1
#   (Mandel components: the xy entry is sqrt2 * 1e-3 = 1.4142135623730951e-3)
[Tensors]
  [strain_old]
    type = Python
    expr = 'SR2(torch.tensor([[1e-4, 2e-4, -3e-4, 0, 0, 0], [2e-3, -1e-3, -1e-3, 0, 0, 0]], dtype=torch.float64))'
  []
  [guess]
    type = Python
    expr = 'SR2(torch.tensor([[6e-4, -0.5e-4, -5.5e-4, 0, 0, 1.4142135623730951e-3], [2e-3, -1e-3, -1e-3, 0, 0, 0]], dtype=torch.float64))'
  []
[]

[Models]
  [model]
    type = CrystalPlasticityStrainPredictor
    scale = 0.5
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-8
    value_abs_tol = 1e-12
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(3,2)'
    input_Scalar_names = 't t~1'
    input_Scalar_values = '0.02; 0.01'
    input_SR2_names = 'deformation_rate elastic_strain~1'
    input_SR2_values = '0.1 -0.05 -0.05 0 0 0.2; strain_old'
    output_SR2_names = 'elastic_strain'
    output_SR2_values = 'guess'
    check_second_derivatives = true
  []
[]
