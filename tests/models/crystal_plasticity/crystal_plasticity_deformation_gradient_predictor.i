# CrystalPlasticityDeformationGradientPredictor: Fp = (I + scale <1 - threshold / |e|> e) Fp~1,
# e = dev((Fe^T Fe - I) / 2), Fe = F Fp~1^-1; scale = 0.5, threshold = 2e-3.
# Fp~1 = [[1, 0.01, 0], [0, 1, 0], [0, 0, 1]] (simple shear), F = diag(1.004, 0.998, 0.998) Fp~1
#   = [[1.004, 0.01004, 0], [0, 0.998, 0], [0, 0, 0.998]], so Fe = diag(1.004, 0.998, 0.998):
#   E = diag(1.004^2 - 1, 0.998^2 - 1, 0.998^2 - 1) / 2 = diag(0.004008, -0.001998, -0.001998), tr E / 3 = 4e-6
#   e = diag(0.004004, -0.002002, -0.002002), |e| = 0.002002 sqrt(4 + 1 + 1) = 0.002002 sqrt(6) = 4.9039e-3
#   <1 - 2e-3 / |e|> = 1 - 1 / (1.001 sqrt(6)) = 0.5921595499861507, k = 0.5 * that = 0.29607977499307536
#   Fp = diag(1 + 0.004004 k, 1 - 0.002002 k, 1 - 0.002002 k) Fp~1:
#     Fp_xx = 1.0011855034190722, Fp_xy = 0.01 Fp_xx = 0.010011855034190721, Fp_yy = Fp_zz = 0.9994072482904639
[Models]
  [model]
    type = CrystalPlasticityDeformationGradientPredictor
    deformation_gradient = 'F'
    plastic_deformation_gradient = 'Fp'
    scale = 0.5
    threshold = 2e-3
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
    batch_shape = '(2,3)'
    input_R2_names = 'F Fp~1'
    input_R2_values = '1.004 0.01004 0 0 0.998 0 0 0 0.998; 1 0.01 0 0 1 0 0 0 1'
    output_R2_names = 'Fp'
    output_R2_values = '1.0011855034190722 0.010011855034190721 0 0 0.9994072482904639 0 0 0 0.9994072482904639'
    check_second_derivatives = true
  []
[]
