"""Crystallographic texture: symmetry operators, pole figures, inverse pole figures and ODFs.

Orientations are modified Rodrigues parameters (:class:`neml2.types.MRP`, e.g. from ``MRP.rand``
for a uniform random texture) or R2 rotation matrices.  **Convention:** an orientation ``Q`` maps
*crystal* coordinates to *sample* coordinates, ``v_sample = Q v_crystal`` — the convention of the
crystal plasticity models (ResolvedShear: ``tau_i = sigma : Q sym(d_i (x) n_i) Q^T``; the current
orientation ``Q = R^e Q_0``).  Crystal symmetry ``S`` acts on the right: ``Q ~ Q S``.

* :func:`symmetry_operators`, :func:`symmetry_equivalent_directions` — point groups ("432": cubic).
* :func:`pole_figure_points`, :func:`inverse_pole_figure_points`, :func:`project` — the
  stereographic / equal-area projections of the upper hemisphere onto the unit disk.
* :class:`DeLaValleePoussinKernel`, :class:`KDEODF` — kernel density ODFs (MRD), cross-validated
  half-width (:meth:`KDEODF.optimize_kernel`), continuous pole figures.
* ``pretty_plot_*`` — matplotlib figures.
"""

from .odf import KDEODF, DeLaValleePoussinKernel, quaternion_product, quaternions
from .plotting import (
    pole_figure_grid,
    pretty_plot_inverse_pole_figure,
    pretty_plot_pole_figure_odf,
    pretty_plot_pole_figure_points,
)
from .projection import (
    PROJECTIONS,
    inverse_pole_directions,
    inverse_pole_figure_points,
    orientation_matrices,
    pole_directions,
    pole_figure_points,
    project,
    unproject,
    upper_hemisphere,
)
from .symmetry import (
    SYMMETRY_GROUPS,
    reduce_to_cubic_sector,
    symmetry_equivalent_directions,
    symmetry_operators,
    unique_directions,
)

__all__ = [
    "KDEODF",
    "PROJECTIONS",
    "SYMMETRY_GROUPS",
    "DeLaValleePoussinKernel",
    "inverse_pole_directions",
    "inverse_pole_figure_points",
    "orientation_matrices",
    "pole_directions",
    "pole_figure_grid",
    "pole_figure_points",
    "pretty_plot_inverse_pole_figure",
    "pretty_plot_pole_figure_odf",
    "pretty_plot_pole_figure_points",
    "project",
    "quaternion_product",
    "quaternions",
    "reduce_to_cubic_sector",
    "symmetry_equivalent_directions",
    "symmetry_operators",
    "unique_directions",
    "unproject",
    "upper_hemisphere",
]
