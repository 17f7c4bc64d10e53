"""Dense Jacobians by forward-mode seeding: identity seeds on typed inputs, the model run with
``v=``, the outputs' tangents gathered into ``(N, rows, cols)`` tensors.

One mechanism for every caller: the eager ``Model.jacobian``, the Newton residual of
``ImplicitUpdate`` and pyzag (``evaluate_system``) and the compiled Jacobian / sensitivity graphs
(``neml2.aoti.segments``, traced by ``torch.export`` with a symbolic batch size: no Python
branching on the batch size, only ``.expand`` onto it)."""

from __future__ import annotations

import math
from collections.abc import Callable, Container, Mapping, Sequence
from typing import Any

import torch

from neml2.models.chain_rule import seeds
from neml2.types import TensorWrapper
from neml2.types._base import broadcast_shapes, expand_groups

#: a variable's place in a dense block: its type and its sub-batch shape (sites counted as rows / columns)
Site = tuple[type[TensorWrapper], tuple[int, ...]]

#: the default seed leaf of the columns
LEAF = "__columns__"


def site_size(site: Site) -> int:
    """Rows (or columns) of a variable: its base size times its sites."""
    t, sub = site
    return math.prod(sub) * math.prod(t.BASE_SHAPE)


def flat_rows(w: TensorWrapper, shape: tuple[Any, ...], sub: tuple[int, ...], N: Any, size: int) -> torch.Tensor:
    """``w`` (K axes, batch ``shape``, sub-batch ``sub``, base; any of them broadcast) as ``(*K, N, size)``."""
    d = expand_groups(w, w.k_ndim, len(shape), len(sub))
    K = tuple(d.shape[: w.k_ndim])
    return d.expand((*K, *shape, *sub, *w.BASE_SHAPE)).reshape((*K, N, size))


def seed_columns(
    layout: Mapping[str, Site], like: torch.Tensor, *, leaf: str = LEAF, keep: Container[str] | None = None
) -> dict[str, dict[str, TensorWrapper]]:
    """Identity seeds ``{name: {leaf: seed}}`` placing the variables of ``layout`` on consecutive
    columns of ``sum(site_size)`` (a variable's sites seeded separately); a name not in ``keep``
    keeps its columns but gets no seed."""
    total = sum(site_size(s) for s in layout.values())
    v, off = {}, 0
    for name, (t, sub) in layout.items():
        if keep is None or name in keep:
            v[name] = {leaf: seeds(t, total=total, offset=off, dtype=like.dtype, device=like.device, sub=sub)}
        off += site_size((t, sub))
    return v


def tangent_rows(
    v_out: Mapping[str, Mapping[str, TensorWrapper]],
    layout: Mapping[str, Site],
    leaf: str,
    shape: tuple[Any, ...],
    like: torch.Tensor,
    K: Any = None,
) -> torch.Tensor:
    """The tangents ``v_out[name][leaf]`` of the variables of ``layout`` as one ``(K, N, rows)``
    (``N = prod(shape)``; zero rows where a variable has none; ``K`` by default that of the first
    tangent present)."""
    N = math.prod(shape)
    parts = []
    for name, site in layout.items():
        d = v_out.get(name, {}).get(leaf)
        parts.append(None if d is None else flat_rows(d, shape, site[1], N, site_size(site)))
    if K is None:
        K = next(p.shape[0] for p in parts if p is not None)
    sizes = [site_size(s) for s in layout.values()]
    return torch.cat([like.new_zeros(K, N, s) if p is None else p.expand(K, N, s) for p, s in zip(parts, sizes)], -1)


def seeded_jacobian(
    run: Callable[[dict[str, dict[str, TensorWrapper]]], Sequence[Any]],
    outputs: Sequence[str],
    seeded: Mapping[str, Site],
    shape: tuple[Any, ...] | None,
    like: torch.Tensor,
    *,
    rows: Mapping[str, Site] | None = None,
    keep: Container[str] | None = None,
    leaf: str = LEAF,
) -> tuple[dict[str, TensorWrapper], dict[str, dict[str, TensorWrapper]], torch.Tensor]:
    """Outputs, their tangents and the dense ``d rows / d seeded`` ``(N, rows, cols)``.

    ``run(v)`` runs the model with the seeds ``v`` (see ``seed_columns``; ``keep`` as there) and
    returns ``(*outputs, v_out)``, the outputs named by ``outputs``. ``rows``: the variables whose
    tangents make the rows, in order (default: every output, with its own type and sub-batch
    shape); ``shape``: the batch (``N = prod(shape)`` points) the rows are expanded to (None: the
    outputs' batch shapes broadcast)."""
    total = sum(site_size(s) for s in seeded.values())
    *outs, v_out = run(seed_columns(seeded, like, leaf=leaf, keep=keep))
    out = dict(zip(outputs, outs, strict=True))
    if rows is None:
        rows = {o: (type(w), tuple(w.sub_batch_shape)) for o, w in out.items()}
    if shape is None:
        shape = broadcast_shapes(*(w.dynamic_batch_shape for w in out.values()))
    return out, v_out, tangent_rows(v_out, rows, leaf, shape, like, total).permute(1, 2, 0)
