"""Traction-separation (cohesive-zone) laws (docs/modules/solid_mechanics/traction_separation_law):
the mode mixity, the mixed-mode onset and failure separations, and the traction assemblies.

The displacement jump is ``[delta_n, delta_s1, delta_s2]`` in the local interface frame; its
components reach these models as Scalars (VecComponents, MacaulaySplit, ScalarPNorm), and the
traction assemblies emit the traction ``[T_n, T_s1, T_s2]`` as a Vec."""
