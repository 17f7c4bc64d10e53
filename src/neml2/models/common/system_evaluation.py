"""Evaluating a NonlinearSystem at a flat vector of unknowns: the unknowns as typed inputs of its
model, forward-mode seeds on them, and the residual rows and Jacobian columns gathered back.

Shared by ImplicitUpdate (the Newton residual of every implicit model) and the pyzag factory
(which seeds the unknowns and their old values ``u~1`` together)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import torch

from neml2.errors import NEML2Error
from neml2.models.dense_jacobian import Site, flat_rows, seeded_jacobian, site_size, tangent_rows
from neml2.types import TensorWrapper

#: the seed leaf of the unknowns in the model's tangents
SEED = "__unknowns__"


def _flat(w: TensorWrapper, batch: tuple[int, ...], n: int) -> torch.Tensor:
    """Data with the (broadcast) batch axes expanded and flattened into one axis of size n."""
    tail = w.data.shape[w.k_ndim + w.dynamic_batch_ndim :]
    data = w.batch_expand(batch).data if w.dynamic_batch_shape != batch else w.data
    return data.reshape(*w.data.shape[: w.k_ndim], n, *tail)


def _unflatten(w: TensorWrapper, shape: tuple[int, ...]) -> TensorWrapper:
    """``w`` (one flat batch axis after its K axes) with that axis reshaped to ``shape``."""
    if len(shape) == 1:
        return w
    d = w.data
    return w._new(d.reshape(*d.shape[: w.k_ndim], *shape, *d.shape[w.k_ndim + 1 :]))


def _site(t: type[TensorWrapper], data: torch.Tensor, sub: tuple[int, ...], k_ndim: int = 0) -> TensorWrapper:
    """``data`` (``*K, *batch, prod(sub) * base``) as a ``t`` with ``sub`` as its sub-batch axes."""
    out = object.__new__(t)
    TensorWrapper.__init__(
        out, data.reshape((*data.shape[:-1], *sub, *t.BASE_SHAPE)), sub_batch_ndim=len(sub), k_ndim=k_ndim
    )
    return out


def evaluate_system(
    system: Any,
    state: dict[str, TensorWrapper],
    v: dict[str, dict[str, TensorWrapper]],
    xs: Sequence[tuple[str, torch.Tensor]],
    shape: tuple[int, ...],
    *,
    call: Callable[[list[TensorWrapper], dict[str, Any]], Any] | None = None,
    who: str = "NonlinearSystem",
) -> tuple[torch.Tensor, torch.Tensor, dict[str, torch.Tensor]]:
    """Residual ``(N, m)``, Jacobian ``(N, m, total)`` and residual tangents ``{leaf: (K, N, m)}``.

    ``state`` / ``v`` hold the model's other inputs and their tangents, of batch ``shape`` (``N``
    points); they are completed in place. Each ``(suffix, x)`` of ``xs`` places the unknowns ``x``
    ``(*shape or N, n)`` at the inputs ``<unknown><suffix>`` the model has, seeded on the columns
    ``[k n, (k + 1) n)`` of the Jacobian (``k``: its position, ``total = len(xs) n``). ``call(args, v)``
    runs the model (default ``model(*args, v=v)``); ``who`` names the caller when an input has no value."""
    model = system.model
    N = math.prod(shape)
    layout = list(zip(system.unknowns, system.unknown_types, system.unknown_sizes, system.unknown_sub))
    seeded: dict[str, Site] = {}
    for suffix, x in xs:
        off = 0
        for u, t, s, sub in layout:
            name = u + suffix
            seeded[name] = (t, sub)
            if name in model.input_spec:
                state[name] = _site(t, x[..., off : off + s].reshape(*shape, s), sub)
            off += s
    try:
        args = [state[name] for name in model.input_spec]
    except KeyError:
        missing = [name for name in model.input_spec if name not in state]
        raise NEML2Error(f"{who}: no value for the inputs {', '.join(missing)}") from None

    def run(seeds: dict[str, dict[str, TensorWrapper]]) -> Any:
        v.update(seeds)
        return model(*args, v=v) if call is None else call(args, v)

    rows = dict(zip(system.residuals, zip(system.residual_types, system.residual_sub)))
    out, v_out, J = seeded_jacobian(
        run, list(model.output_spec), seeded, shape, xs[0][1], rows=rows, keep=model.input_spec, leaf=SEED
    )
    leaves = {leaf for r in system.residuals for leaf in v_out.get(r, {}) if leaf != SEED}
    rvs = {leaf: tangent_rows(v_out, rows, leaf, shape, xs[0][1]) for leaf in leaves}
    r = torch.cat([flat_rows(out[k], shape, site[1], N, site_size(site)) for k, site in rows.items()], -1)
    return r, J, rvs
