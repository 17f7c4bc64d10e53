# SlipSystemElasticInteraction, cube slip <100>{100}: 6 systems, M_i = sym(d_i (x) n_i) with
# (d, n) = ([010],(100)), ([001],(100)), ([100],(010)), ([001],(010)), ([100],(001)), ([010],(001)),
# i.e. M_i = sym(e_a (x) e_b) for the unordered pairs {a,b} = xy, xz, xy, yz, xz, yz.
# Cubic T (crystal frame): C11 = 250, C12 = 150, C44 = 100 (Mandel: 2 C44 on the shear diagonal).
# (Q M_i Q^T) : (Q * T) : (Q M_j Q^T) = M_i : T : M_j for any rotation Q (a full contraction of
# tensors rotated alike), and for a pure shear M_ab (a != b, tr = 0): T : M_ab = 2 C44 M_ab, so
# M_i : T : M_j = 2 C44 M_i : M_j = 2 C44 (1/2) = C44 if {a,b}_i = {a,b}_j, else 0.
# dt = t - t~1 = 1.5 - 1.0 = 0.5: coupling_ij = 50 on the pairs (0,2) (1,4) (3,5), the diagonal
# and their transposes, 0 elsewhere (the orientation r = (0.1, -0.2, 0.3) does not change it).
[Tensors]
  [T]
    type = Python
    expr = 'SSR4(torch.tensor([[250.0, 150, 150, 0, 0, 0], [150, 250, 150, 0, 0, 0], [150, 150, 250, 0, 0, 0], [0, 0, 0, 200, 0, 0], [0, 0, 0, 0, 200, 0], [0, 0, 0, 0, 0, 200]], dtype=torch.float64))'
  []
  [sdirs]
    type = Python
    expr = 'MillerIndex(torch.tensor([1, 0, 0]))'
  []
  [splanes]
    type = Python
    expr = 'MillerIndex(torch.tensor([1, 0, 0]))'
  []
  [expected]
    type = Python
    expr = 'Scalar(50.0 * torch.tensor([[1.0, 0, 1, 0, 0, 0], [0, 1, 0, 0, 1, 0], [1, 0, 1, 0, 0, 0], [0, 0, 0, 1, 0, 1], [0, 1, 0, 0, 1, 0], [0, 0, 0, 1, 0, 1]], dtype=torch.float64))'
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
    type = SlipSystemElasticInteraction
    elastic_stiffness_tensor = 'T'
  []
[]

[Drivers]
  [unit]
    type = ModelUnitTest
    value_rel_tol = 1e-10
    value_abs_tol = 1e-10
    derivative_rel_tol = 1e-8
    derivative_abs_tol = 1e-9
    model = 'model'
    batch_shape = '(3,)'
    input_MRP_names = 'orientation'
    input_MRP_values = '0.1 -0.2 0.3'
    input_Scalar_names = 't t~1'
    input_Scalar_values = '1.5 1.0'
    output_Scalar_names = 'coupling'
    output_Scalar_values = 'expected'
    check_second_derivatives = true
  []
[]
