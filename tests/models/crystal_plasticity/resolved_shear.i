# ResolvedShear, cube slip <100>{100} (the 6 systems of plastic_vorticity.i, d_i (x) n_i = e_a (x) e_b with
# (a, b) = (y,x), (z,x), (x,y), (z,y), (x,z), (y,z)), Q a rotation by 90 degrees about z.
# sigma = (100 30 -20; 30 -50 40; -20 40 80): tau_i = sym(Q^T sigma Q)_ab (numpy)
# = (-30, 40, -30, 20, 40, 20).
[Tensors]
  [sdirs]
    type = Python
    expr = 'MillerIndex(torch.tensor([1, 0, 0]))'
  []
  [splanes]
    type = Python
    expr = 'MillerIndex(torch.tensor([1, 0, 0]))'
  []
  [taus]
    type = Python
    expr = 'Scalar(torch.tensor([-30.0, 40.0, -30.0, 20.0, 40.0, 20.0], dtype=torch.float64), sub_batch_ndim=1)'
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
    type = ResolvedShear
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-10
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-10
    model = 'model'
    batch_shape = '(2,)'
    check_second_derivatives = true
    input_SR2_names = 'stress'
    input_SR2_values = '100 -50 80 40 -20 30'
    input_R2_names = 'orientation_matrix'
    input_R2_values = '0 -1 0 1 0 0 0 0 1'
    output_Scalar_names = 'resolved_shears'
    output_Scalar_values = 'taus'
  []
[]
