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
from neml2.models.chain_rule import seeds
from neml2.models.dense_jacobian import Site, flat_rows, seeded_jacobian, site_size, tangent_rows
from neml2.solvers.site_blocks import SiteBlockJacobian, SiteLayout
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
    for suffix, x in xs:
        _place_unknowns(system, state, x, shape, suffix)
    args = _model_args(model, state, who)
    seeded: dict[str, Site] = {
        u + suffix: (t, sub)
        for suffix, _ in xs
        for u, t, sub in zip(system.unknowns, system.unknown_types, system.unknown_sub)
    }

    def run(seeds: dict[str, dict[str, TensorWrapper]]) -> Any:
        v.update(seeds)
        return model(*args, v=v) if call is None else call(args, v)

    rows = _rows(system)
    out, v_out, J = seeded_jacobian(
        run, list(model.output_spec), seeded, shape, xs[0][1], rows=rows, keep=model.input_spec, leaf=SEED
    )
    leaves = {leaf for r in system.residuals for leaf in v_out.get(r, {}) if leaf != SEED}
    rvs = {leaf: tangent_rows(v_out, rows, leaf, shape, xs[0][1]) for leaf in leaves}
    return _flat_residual(system, out, shape), J, rvs


def _site_seed(t: type[TensorWrapper], sub: tuple[int, ...], K: int, offset: int, like: torch.Tensor) -> TensorWrapper:
    """``seeds`` of ``t`` at ``offset`` of ``K``, equal at every site of ``sub``."""
    eye = seeds(t, total=K, offset=offset, dtype=like.dtype, device=like.device).data
    data = eye.reshape(K, *(1,) * len(sub), *t.BASE_SHAPE).expand(K, *sub, *t.BASE_SHAPE)
    out = object.__new__(t)
    TensorWrapper.__init__(out, data, sub_batch_ndim=len(sub), k_ndim=1)
    return out


def evaluate_blocks(
    system: Any, state: dict[str, TensorWrapper], x: torch.Tensor, shape: tuple[int, ...], *, who: str
) -> tuple[torch.Tensor, SiteBlockJacobian]:
    """Residual ``(N, m)`` and the per-site Jacobian of a system with ``block`` groups.

    One forward run seeds the ``k`` components of a site at every site at once (the per-site blocks
    ``A`` and, with the ``m`` dense unknowns seeded too, ``B`` and ``D``); ``C = dr_D/dx_A`` is read by
    reverse mode (one backward pass per dense residual component). At the system's first evaluation
    a probe seeding site 0 alone checks that the block residuals of the other sites do not move."""
    L: SiteLayout = system.site_layout
    model = system.model
    G, k, m = math.prod(L.sites), L.k, L.m
    if m and torch.compiler.is_compiling():
        # a compiled graph: reverse mode does not trace through every op under torch.export, so C (and
        # with it A, B, D) comes from the dense seeding, the stored Jacobian still per site
        r, J, _ = evaluate_system(system, state, {}, (("", x),), shape, who=who)
        return r, SiteBlockJacobian.from_dense(L, J)
    K = k + m
    sizes = system.unknown_sizes
    koff, moff, c = {}, {}, 0
    for i in L.block:
        koff[i], c = c, c + sizes[i] // G
    c = k
    for i in L.dense:
        moff[i], c = c, c + sizes[i]
    rows = _rows(system)
    v: dict[str, dict[str, TensorWrapper]] = {}
    for i, (u, t, sub) in enumerate(zip(system.unknowns, system.unknown_types, system.unknown_sub)):
        if u in model.input_spec:
            if i in koff:
                v[u] = {SEED: _site_seed(t, sub, K, koff[i], x)}
            else:
                v[u] = {SEED: seeds(t, total=K, offset=moff[i], dtype=x.dtype, device=x.device, sub=sub)}

    with torch.no_grad():
        _place_unknowns(system, state, x.detach(), shape)
        args = _model_args(model, state, who)
        if G > 1 and getattr(system, "_sites_checked", None) is not L:
            _check_site_local(system, args, v, rows, shape, x)
        *outs, v_out = model(*args, v=v)
        r = _flat_residual(system, dict(zip(model.output_spec, outs, strict=True)), shape)
        T = tangent_rows(v_out, rows, SEED, shape, x, K)
    TA, TD = T[:, :, L.rows_A.to(x.device)], T[:, :, L.rows_D.to(x.device)]
    A = TA[:k].permute(1, 2, 3, 0)
    if m == 0:
        return r, SiteBlockJacobian(L, A)
    C = _coupling(system, state, x, shape, who)
    return r, SiteBlockJacobian(L, A, TA[k:].permute(1, 2, 3, 0), C, TD[k:].permute(1, 2, 0))


def _rows(system: Any) -> dict[str, Site]:
    """The residuals of ``system`` as the rows of its Newton system: type and sub-batch shape."""
    return dict(zip(system.residuals, zip(system.residual_types, system.residual_sub)))


def _place_unknowns(
    system: Any, state: dict[str, TensorWrapper], x: torch.Tensor, shape: tuple[int, ...], suffix: str = ""
) -> None:
    """The unknowns ``x (N, n)`` as the typed inputs ``<unknown><suffix>`` of ``state`` (with their sites)."""
    off = 0
    for u, t, s, sub in zip(system.unknowns, system.unknown_types, system.unknown_sizes, system.unknown_sub):
        if u + suffix in system.model.input_spec:
            state[u + suffix] = _site(t, x[..., off : off + s].reshape(*shape, s), sub)
        off += s


def _model_args(model: Any, state: dict[str, TensorWrapper], who: str) -> list[TensorWrapper]:
    """The model's arguments from ``state``; an error naming ``who`` for the inputs it lacks."""
    try:
        return [state[name] for name in model.input_spec]
    except KeyError:
        missing = [name for name in model.input_spec if name not in state]
        raise NEML2Error(f"{who}: no value for the inputs {', '.join(missing)}") from None


def _flat_residual(system: Any, out: dict[str, TensorWrapper], shape: tuple[int, ...]) -> torch.Tensor:
    """The residual outputs ``out[name]`` as one ``(N, m)``."""
    N = math.prod(shape)
    return torch.cat([flat_rows(out[n], shape, site[1], N, site_size(site)) for n, site in _rows(system).items()], -1)


def evaluate_residual(
    system: Any, state: dict[str, TensorWrapper], x: torch.Tensor, shape: tuple[int, ...], *, who: str
) -> torch.Tensor:
    """The residual ``(N, m)`` at the unknowns ``x`` alone (no Jacobian; on autograd's graph when enabled)."""
    _place_unknowns(system, state, x, shape)
    res = system.model(*_model_args(system.model, state, who))
    outs = res if isinstance(res, tuple) else (res,)
    return _flat_residual(system, dict(zip(system.model.output_spec, outs, strict=True)), shape)


def evaluate_tangents(
    system: Any,
    state: dict[str, TensorWrapper],
    v: dict[str, dict[str, TensorWrapper]],
    x: torch.Tensor,
    shape: tuple[int, ...],
    *,
    who: str,
) -> dict[str, torch.Tensor]:
    """The residual tangents ``{leaf: (K, N, m)}`` of the given inputs' tangents ``v``, the unknowns
    held at ``x``."""
    _place_unknowns(system, state, x, shape)
    *_, v_out = system.model(*_model_args(system.model, state, who), v=v)
    rows = _rows(system)
    leaves = {leaf for r in system.residuals for leaf in v_out.get(r, {})}
    return {leaf: tangent_rows(v_out, rows, leaf, shape, x) for leaf in leaves}


def _coupling(
    system: Any, state: dict[str, TensorWrapper], x: torch.Tensor, shape: tuple[int, ...], who: str
) -> torch.Tensor:
    """``C = dr_D/dx_A (N, m, G, k)`` by reverse mode through the model's value (one backward pass per
    dense residual component, batched when autograd can vmap it)."""
    L: SiteLayout = system.site_layout
    with torch.enable_grad():
        xg = x.detach().requires_grad_(True)
        rD = evaluate_residual(system, dict(state), xg, shape, who=who)[:, L.rows_D.to(x.device)]
        N, mr = rD.shape
        C = x.new_zeros(N, mr, *L.cols_A.shape)
        if not rD.requires_grad:
            return C
        eye = torch.eye(mr, dtype=x.dtype, device=x.device).unsqueeze(1).expand(mr, N, mr)
        try:
            (g,) = torch.autograd.grad(rD, xg, eye, is_grads_batched=True, allow_unused=True, retain_graph=True)
            grads = [None] * mr if g is None else list(g)
        except RuntimeError:  # an op without a batching rule: one pass per row
            grads = [
                torch.autograd.grad(rD[:, j].sum(), xg, retain_graph=True, allow_unused=True)[0] for j in range(mr)
            ]
    for j, g in enumerate(grads):
        if g is not None:
            C[:, j] = g[:, L.cols_A.to(x.device)]
    return C


def _check_site_local(
    system: Any,
    args: list[TensorWrapper],
    v: dict[str, dict[str, TensorWrapper]],
    rows: dict[str, Site],
    shape: tuple[int, ...],
    x: torch.Tensor,
) -> None:
    """The ``block`` residuals of every site but 0 stay put when the block unknowns of site 0 move."""
    L: SiteLayout = system.site_layout
    k = L.k
    mask = x.new_zeros(math.prod(L.sites))
    mask[0] = 1.0
    probe = {}
    for i in L.block:
        u = system.unknowns[i]
        if u in v:
            s = v[u][SEED]
            m = mask.reshape(*L.sites, *(1,) * len(s.BASE_SHAPE))
            probe[u] = {SEED: s._new(s.data[:k] * m)}
    *_, v_out = system.model(*args, v=probe)
    T = tangent_rows(v_out, rows, SEED, shape, x, k)[:, :, L.rows_A.to(x.device)]
    if not bool(torch.isfinite(T).all()):  # non-finite at these points: Newton reports them; check later
        return
    here, elsewhere = T[:, :, 0].abs().amax(), T[:, :, 1:].abs().amax()
    if not bool(elsewhere <= 1e-12 * here):
        raise system._error(
            "a 'block' group's residuals at one site depend on its unknowns at other sites "
            f"(d r(site 1..) / d x(site 0) up to {float(elsewhere):.3e}, against {float(here):.3e} at site 0): "
            "the per-site Jacobian would be wrong; group these unknowns as 'dense'",
            "structure",
        )
    system._sites_checked = L
