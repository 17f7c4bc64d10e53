"""Matplotlib figures: discrete pole figures, inverse pole figures and continuous (ODF) pole figures.

Every function draws into ``ax`` (default: a new figure, made current so that ``plt.title`` and
``plt.show`` act on it) and returns the Figure.  Pole figures are drawn on the unit disk of the
sample x-y plane, seen from +z (upper hemisphere); see :mod:`neml2.texture.projection`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

import torch

from .odf import KDEODF
from .projection import Projection, inverse_pole_figure_points, pole_figure_points, project, unproject

if TYPE_CHECKING:  # matplotlib (a dev dependency) is imported only when a figure is drawn
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


def _new_axes(ax: Axes | None) -> tuple[Figure, Axes]:
    if ax is not None:
        fig = ax.get_figure()
        assert fig is not None
        return fig, ax  # type: ignore[return-value]
    import matplotlib.pyplot as plt

    fig, new = plt.subplots(figsize=(5.0, 5.0))
    return fig, new


def _disk(ax: Axes, labels: tuple[str, str] = ("x", "y")) -> None:
    """The unit circle, the sample axes and their labels; no frame."""
    th = torch.linspace(0.0, 2.0 * math.pi, 361)
    ax.plot(torch.cos(th), torch.sin(th), "k-", lw=1.0)
    ax.plot([-1.0, 1.0], [0.0, 0.0], color="0.7", lw=0.5, zorder=0)
    ax.plot([0.0, 0.0], [-1.0, 1.0], color="0.7", lw=0.5, zorder=0)
    ax.text(1.04, 0.0, labels[0], ha="left", va="center")
    ax.text(0.0, 1.04, labels[1], ha="center", va="bottom")
    ax.set_xlim(-1.15, 1.15)
    ax.set_ylim(-1.15, 1.2)
    ax.set_aspect("equal")
    ax.axis("off")


def _dots(ax: Axes, xy: torch.Tensor, size: float, scatter: dict[str, Any]) -> None:
    """Projected points ``xy`` as small black dots; ``scatter`` overrides the ``Axes.scatter`` options."""
    xy = xy.detach().cpu()
    ax.scatter(xy[:, 0], xy[:, 1], **{"s": size, "c": "k", "alpha": 0.6, "linewidths": 0.0, **scatter})


def pretty_plot_pole_figure_points(
    orientations: Any,
    pole: Any,
    crystal_symmetry: str = "432",
    projection: Projection = "stereographic",
    ax: Axes | None = None,
    sample_labels: tuple[str, str] = ("x", "y"),
    **scatter: Any,
) -> Figure:
    """A discrete pole figure: one point per orientation and symmetry-equivalent axis of ``{pole}``.

    ``scatter`` goes to ``Axes.scatter`` (default small black dots).
    """
    fig, ax = _new_axes(ax)
    _dots(ax, pole_figure_points(orientations, pole, crystal_symmetry, projection), 2.0, scatter)
    _disk(ax, sample_labels)
    return fig


def _arc(a: torch.Tensor, b: torch.Tensor, n: int = 64) -> torch.Tensor:
    """Unit directions along the great-circle arc from ``a`` to ``b`` (slerp), ``(n, 3)``."""
    a, b = a / a.norm(), b / b.norm()
    om = torch.arccos(torch.clamp(a @ b, -1.0, 1.0))
    t = torch.linspace(0.0, 1.0, n, dtype=a.dtype)[:, None]
    return (torch.sin((1 - t) * om) * a + torch.sin(t * om) * b) / torch.sin(om)


def _cubic_triangle(ax: Axes, projection: Projection) -> None:
    """The standard stereographic triangle [001]-[101]-[111] with its corner labels."""
    corners = {
        "[001]": torch.tensor([0.0, 0.0, 1.0], dtype=torch.float64),
        "[101]": torch.tensor([1.0, 0.0, 1.0], dtype=torch.float64),
        "[111]": torch.tensor([1.0, 1.0, 1.0], dtype=torch.float64),
    }
    c = list(corners.values())
    edge = torch.cat([_arc(c[0], c[1]), _arc(c[1], c[2]), _arc(c[2], c[0])])
    xy = project(edge, projection)
    ax.plot(xy[:, 0], xy[:, 1], "k-", lw=1.0)
    for (name, v), (dx, ha) in zip(corners.items(), [(-0.01, "right"), (0.01, "left"), (0.01, "left")]):
        p = project(v, projection)
        ax.text(float(p[0]) + dx, float(p[1]) - 0.01, name, ha=ha, va="top")
    lo, hi = xy.min(0).values, xy.max(0).values
    pad = 0.08 * float((hi - lo).max())
    ax.set_xlim(float(lo[0]) - 2 * pad, float(hi[0]) + 2 * pad)
    ax.set_ylim(float(lo[1]) - 2 * pad, float(hi[1]) + pad)
    ax.set_aspect("equal")
    ax.axis("off")


def pretty_plot_inverse_pole_figure(
    orientations: Any,
    direction: Any,
    crystal_symmetry: str = "432",
    projection: Projection = "stereographic",
    ax: Axes | None = None,
    **scatter: Any,
) -> Figure:
    """A discrete inverse pole figure: the crystal direction ``Q^T y`` of the sample ``direction`` for
    every orientation, in the fundamental sector (the [001]-[101]-[111] triangle for ``"432"``)."""
    fig, ax = _new_axes(ax)
    _dots(ax, inverse_pole_figure_points(orientations, direction, crystal_symmetry, projection), 4.0, scatter)
    if crystal_symmetry == "432":
        _cubic_triangle(ax, projection)
    else:
        _disk(ax, ("[100]", "[010]"))
    return fig


def pole_figure_grid(
    nr: int = 60, ntheta: int = 181, projection: Projection = "stereographic", dtype: torch.dtype | None = None
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """A polar grid on the unit disk: ``X``, ``Y`` ``(nr, ntheta)`` and their sample directions ``(nr, ntheta, 3)``."""
    dtype = dtype or torch.get_default_dtype()
    r = torch.linspace(0.0, 1.0, nr, dtype=dtype)
    th = torch.linspace(0.0, 2.0 * math.pi, ntheta, dtype=dtype)
    R, T = torch.meshgrid(r, th, indexing="ij")
    X, Y = R * torch.cos(T), R * torch.sin(T)
    return X, Y, unproject(torch.stack([X, Y], -1), projection)


def pretty_plot_pole_figure_odf(
    odf: KDEODF,
    pole: Any,
    crystal_symmetry: str = "432",
    projection: Projection = "stereographic",
    limits: tuple[float, float] | None = None,
    ncontour: int = 10,
    ax: Axes | None = None,
    nr: int = 60,
    ntheta: int = 181,
    cmap: str = "viridis",
    colorbar: bool = True,
    sample_labels: tuple[str, str] = ("x", "y"),
) -> Figure:
    """A continuous pole figure of ``{pole}`` from the ODF, filled contours in MRD.

    ``limits`` (default: the data range) spans the ``ncontour`` filled levels; values beyond are
    drawn in the end colours.
    """
    fig, ax = _new_axes(ax)
    X, Y, y = pole_figure_grid(nr, ntheta, projection, odf.q.dtype)
    with torch.no_grad():
        P = odf.pole_figure(pole, y.reshape(-1, 3).to(odf.q.device), crystal_symmetry).reshape(X.shape).cpu()
    lo, hi = limits if limits is not None else (float(P.min()), float(P.max()))
    if hi <= lo:
        hi = lo + 1e-6
    levels = torch.linspace(lo, hi, ncontour + 1).tolist()
    cs = ax.contourf(X, Y, P, levels=levels, cmap=cmap, extend="both")
    if colorbar:
        fig.colorbar(cs, ax=ax, label="MRD", shrink=0.8)
    _disk(ax, sample_labels)
    return fig
