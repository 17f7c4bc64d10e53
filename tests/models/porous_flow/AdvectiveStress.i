# AdvectiveStress, c = 0.6:  p_s = -c / (3 J_s^(5/3) J_t^(2/3)) P_ij F_ij
#   F = [[1.1, 0.1, 0], [0, 0.9, 0.2], [0.05, 0, 1.2]],  P = [[2, 1, 0], [0.5, 3, -1], [0, 0.4, 1.5]]
#   P : F = 2.2 + 0.1 + 0 + 0 + 2.7 - 0.2 + 0 + 0 + 1.8 = 6.6;  -c/3 P : F = -0.2 * 6.6 = -1.32
#   J_t = 1.05: J_t^(2/3) = 1.033061554
#   J_s = 1.2: J_s^(5/3) = 1.355091882 -> -1.32 / (1.355091882 * 1.033061554) = -0.942928991
#   J_s = 1.0:                            -1.32 / 1.033061554                 = -1.277755420
#   J_s = 0.8: J_s^(5/3) = 0.689419101 -> -1.32 / (0.689419101 * 1.033061554) = -1.853379778
# without J_s, J_t (both 1): p_s = -1.32
[Tensors]
  [Js]
    type = Python
    expr = 'Scalar(torch.tensor([1.2, 1.0, 0.8], dtype=torch.float64))'
  []
  [ps]
    type = Python
    expr = 'Scalar(torch.tensor([-0.942928990540333, -1.27775541999582, -1.85337977798150], dtype=torch.float64))'
  []
[]

[Models]
  [model]
    type = AdvectiveStress
    coefficient = 0.6
    js = 'Js'
    jt = 'Jt'
    deformation_gradient = 'F'
    pk1_stress = 'P'
    advective_stress = 'ps'
  []
  [no_jacobians]
    type = AdvectiveStress
    coefficient = 0.6
    deformation_gradient = 'F'
    pk1_stress = 'P'
    advective_stress = 'ps'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-10
    value_abs_tol = 1e-12
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(2,3)'
    input_Scalar_names = 'Js Jt'
    input_Scalar_values = 'Js; 1.05'
    input_R2_names = 'F P'
    input_R2_values = '1.1 0.1 0 0 0.9 0.2 0.05 0 1.2; 2 1 0 0.5 3 -1 0 0.4 1.5'
    output_Scalar_names = 'ps'
    output_Scalar_values = 'ps'
    check_second_derivatives = true
  []
  [unit_no_jacobians]
    type = ModelUnitTest
    value_rel_tol = 1e-10
    value_abs_tol = 1e-12
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'no_jacobians'
    batch_shape = '(2,3)'
    input_R2_names = 'F P'
    input_R2_values = '1.1 0.1 0 0 0.9 0.2 0.05 0 1.2; 2 1 0 0.5 3 -1 0 0.4 1.5'
    output_Scalar_names = 'ps'
    output_Scalar_values = '-1.32'
    check_second_derivatives = true
  []
[]
