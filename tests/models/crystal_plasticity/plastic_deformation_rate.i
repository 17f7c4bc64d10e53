# PlasticDeformationRate, cube slip and Q as in plastic_vorticity.i, slip rates (0.1, 0.2, -0.3, 0.4, 0.05, -0.15):
# L^p = Q A Q^T with A = sum_i gamma_dot_i d_i (x) n_i (numpy), D^p = sym(L^p):
# xx yy zz = 0, yz = 0.125, xz = -0.125, xy = 0.1.
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
    type = PlasticDeformationRate
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
    output_SR2_names = 'plastic_deformation_rate'
    output_SR2_values = '0 0 0 0.125 -0.125 0.1'
  []
[]
