"""Pole figure and inverse pole figure points: rotate crystal directions into the sample frame and
project the upper hemisphere onto the unit disk of the equatorial (x-y) plane.

Convention: an orientation ``Q`` (an MRP, its matrix ``R(Q)`` by the Euler-Rodrigues formula) maps
*crystal* to *sample* coordinates, ``v_sample = Q c_crystal``, as in ResolvedShear
(``tau_i = sigma : Q sym(d_i (x) n_i) Q^T``: the crystal slip direction ``d_i`` lies along
``Q d_i`` in the sample frame).  So

* a pole figure of the family {hkl} plots ``Q S p`` for every orientation ``Q`` and symmetry
  operator ``S`` (the distinct symmetry-equivalent directions of ``p = (h, k, l)``);
* an inverse pole figure of the sample direction ``y`` plots ``Q^T y`` (a crystal direction),
  reduced to the fundamental sector of the crystal symmetry.

Directions are axes (antipodal symmetry, ``v ~ -v``): a direction with ``z < 0`` is replaced by
``-v`` before projecting.  Projections of a unit ``v = (x, y, z)``, ``z >= 0``, onto the unit disk:

* stereographic: ``(x, y) / (1 + z)`` (radius ``tan(theta / 2)`` at polar angle ``theta``);
* equal-area (Lambert, scaled to the unit disk): ``(x, y) / sqrt(1 + z)`` (radius ``sqrt(2) sin(theta/2)``).
"""

from __future__ import annotations

from typing import Any, Literal

import torch

from neml2.types import MRP, R2

from .symmetry import reduce_to_cubic_sector, symmetry_equivalent_directions

Projection = Literal["stereographic", "equal_area"]
PROJECTIONS: tuple[str, ...] = ("stereographic", "equal_area")


def orientation_matrices(orientations: Any) -> torch.Tensor:
    """The crystal -> sample rotation matrices ``(N, 3, 3)`` of the orientations (an MRP, an R2 of
    rotation matrices, or a raw ``(..., 3)`` tensor of MRPs), every batch axis flattened into one."""
    if isinstance(orientations, R2):
        return orientations.data.reshape(-1, 3, 3)
    r = orientations if isinstance(orientations, MRP) else MRP(torch.as_tensor(orientations))
    return r.to_R2().data.reshape(-1, 3, 3)


def _as_vector(v: Any, like: torch.Tensor) -> torch.Tensor:
    """A unit 3-vector with the dtype / device of ``like``."""
    t = v.data if hasattr(v, "data") and not isinstance(v, torch.Tensor) else v
    t = torch.as_tensor(t).to(dtype=like.dtype, device=like.device).reshape(3)
    return t / torch.linalg.vector_norm(t)


def upper_hemisphere(v: torch.Tensor, tol: float = 1e-12) -> torch.Tensor:
    """``v`` with the directions pointing into ``z < 0`` flipped to ``-v`` (antipodal symmetry)."""
    return torch.where(v[..., 2:3] < -tol, -v, v)


def project(v: torch.Tensor, projection: Projection = "stereographic") -> torch.Tensor:
    """Project directions ``(..., 3)`` (normalized here) onto the unit disk: ``(..., 2)`` points.

    The upper-hemisphere representative is projected (see :func:`upper_hemisphere`).
    """
    v = upper_hemisphere(v / torch.linalg.vector_norm(v, dim=-1, keepdim=True))
    z = v[..., 2:3].clamp(min=0.0)
    if projection == "stereographic":
        return v[..., :2] / (1.0 + z)
    if projection == "equal_area":
        return v[..., :2] / torch.sqrt(1.0 + z)
    raise ValueError(f"unknown projection {projection!r}; known: {', '.join(PROJECTIONS)}")


def unproject(xy: torch.Tensor, projection: Projection = "stereographic") -> torch.Tensor:
    """The upper-hemisphere unit directions ``(..., 3)`` of disk points ``(..., 2)`` (inverse of project)."""
    rho2 = (xy * xy).sum(-1, keepdim=True)
    if projection == "stereographic":
        return torch.cat([2.0 * xy, 1.0 - rho2], -1) / (1.0 + rho2)
    if projection == "equal_area":
        z = 1.0 - rho2  # rho^2 = (x^2 + y^2) / (1 + z) = (1 - z^2) / (1 + z) = 1 - z
        return torch.cat([xy * torch.sqrt((1.0 + z).clamp(min=0.0)), z], -1)
    raise ValueError(f"unknown projection {projection!r}; known: {', '.join(PROJECTIONS)}")


def pole_directions(orientations: Any, pole: Any, crystal_symmetry: str = "432") -> torch.Tensor:
    """Sample-frame directions ``Q S p`` of the pole family: ``(N, m, 3)`` for N orientations and the
    m distinct symmetry-equivalent axes of ``p`` (antipodes identified: 3 / 6 / 4 for cubic
    {100} / {110} / {111})."""
    Q = orientation_matrices(orientations)
    c = symmetry_equivalent_directions(_as_vector(pole, Q), crystal_symmetry, antipodal=True)
    return torch.einsum("nij,mj->nmi", Q, c)


def pole_figure_points(
    orientations: Any, pole: Any, crystal_symmetry: str = "432", projection: Projection = "stereographic"
) -> torch.Tensor:
    """Projected pole figure points ``(N * m, 2)`` of the pole family ``{p}`` (see :func:`pole_directions`)."""
    return project(pole_directions(orientations, pole, crystal_symmetry), projection).reshape(-1, 2)


def inverse_pole_directions(orientations: Any, direction: Any, crystal_symmetry: str = "432") -> torch.Tensor:
    """The crystal directions ``Q^T y`` ``(N, 3)`` of the sample direction ``y``, reduced to the
    fundamental sector: the standard triangle ``z >= x >= y >= 0`` for ``"432"``, the upper hemisphere
    for ``"1"``."""
    Q = orientation_matrices(orientations)
    c = torch.einsum("nji,j->ni", Q, _as_vector(direction, Q))
    if crystal_symmetry == "432":
        return reduce_to_cubic_sector(c)
    if crystal_symmetry == "1":
        return upper_hemisphere(c)
    raise NotImplementedError(f"inverse pole figure sector for crystal symmetry {crystal_symmetry!r}")


def inverse_pole_figure_points(
    orientations: Any, direction: Any, crystal_symmetry: str = "432", projection: Projection = "stereographic"
) -> torch.Tensor:
    """Projected inverse pole figure points ``(N, 2)`` of the sample ``direction``."""
    return project(inverse_pole_directions(orientations, direction, crystal_symmetry), projection)
