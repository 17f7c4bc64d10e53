# PlasticVorticity, cube slip <100>{100}: 6 systems (d, n) = ([010],(100)), ([001],(100)), ([100],(010)),
# ([001],(010)), ([100],(001)), ([010],(001)), so d_i (x) n_i = e_a (x) e_b with (a, b) = (y,x), (z,x),
# (x,y), (z,y), (x,z), (y,z). Slip rates (0.1, 0.2, -0.3, 0.4, 0.05, -0.15):
# A = sum_i gamma_dot_i d_i (x) n_i = (0 -0.3 0.05; 0.1 0 -0.15; 0.2 0.4 0) (rows).
# Q = a rotation by 90 degrees about z, (0 -1 0; 1 0 0; 0 0 1): L^p = Q A Q^T (numpy).
# W^p = skew(L^p) as its axial vector (W v = w x v): w = (L32 - L23, L13 - L31, L21 - L12) / 2 = (0.075, 0.275, 0.2)
[Tensors]
  [sdirs]
    type = Python
    expr = 'MillerIndex(torch.tensor([1, 0, 0]))'
  []
  [splanes]
    type = Python
    expr = 'MillerIndex(torch.tensor([1, 0, 0]))'
  []
  [rates]
    type = Python
    expr = 'Scalar(torch.tensor([0.1, 0.2, -0.3, 0.4, 0.05, -0.15], dtype=torch.float64), sub_batch_ndim=1)'
  []
[]

[Data]
  [crystal_geometry]
    type = CubicCrystal
    lattice_parameter = 1
    slip_directions = 'sdirs'
    slip_planes = 'splanes'
  []
[]

[Models]
  [model]
    type = PlasticVorticity
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
    batch_shape = '(2,)'
    check_second_derivatives = true
    input_R2_names = 'orientation_matrix'
    input_R2_values = '0 -1 0 1 0 0 0 0 1'
    input_Scalar_names = 'slip_rates'
    input_Scalar_values = 'rates'
    output_WR2_names = 'plastic_vorticity'
    output_WR2_values = '0.075 0.275 0.2'
  []
[]
