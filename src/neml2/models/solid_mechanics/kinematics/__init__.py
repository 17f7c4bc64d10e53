"""Kinematics (docs/modules/solid_mechanics/kinematics): non-mechanical deformation. Eigenstrains
eps* = eps_v I for the small-strain additive split, deformation Jacobians J* for the finite-strain
multiplicative split, and the volume correction F_mech = J^(-1/3) F."""
