"""Autograd fallback of a Model: ``request_AD`` derives a leaf's first-order chain rule by reverse-mode
autodiff, so that its ``forward`` need only return values.

``ADFallback`` is a mixin of :class:`~neml2.models.model.Model`; its methods are ``Model`` methods.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import torch

from neml2.models.chain_rule import Local, push
from neml2.models.model_params import _prod
from neml2.types import TensorWrapper


class ADFallback:
    """First-order tangents of a model's requested ``outputs x inputs`` pairs by reverse-mode AD."""

    def request_AD(self, outputs: Any = None, inputs: Any = None) -> None:  # noqa: N802
        """Derive the first-order chain rule of this model by reverse-mode autodiff.

        Called once at construction (typically in ``__post_init__``); ``forward`` then only
        needs to return values. ``outputs`` / ``inputs`` (variable or option names; default
        all) restrict the auto-derived pairs to ``outputs x inputs``. When ``forward`` takes
        ``v`` itself, it receives the tangents of the other inputs and hand-writes their
        chain rule; tangents of the listed inputs reach only the listed outputs.

        The local Jacobian is taken per batch point (inputs are broadcast to the outputs'
        batch shape first), so the model must be pointwise over its batch axes.
        """
        outs = self._ad_names(outputs, self.output_spec, "output")
        ins = self._ad_names(inputs, self.input_spec, "input")
        self.__dict__["_ad_request"] = (outs, ins)

    def _ad_names(self, names: Any, spec: dict[str, Any], kind: str) -> list[str]:
        if names is None:
            return list(spec)
        out = []
        for n in [names] if isinstance(names, str) else list(names):
            var = n if n in spec else self._key_map.get(n)
            if var not in spec:
                raise ValueError(
                    f"{type(self).__name__}.request_AD: no {kind} {n!r}; {kind}s: {', '.join(spec) or '(none)'}"
                )
            out.append(var)
        return out

    def _call_ad(self, args: tuple, v: Mapping[str, Any]) -> tuple:
        """Values and ``v_out`` with the requested Jacobian blocks from reverse-mode AD."""
        outs_ad, ins_ad = self.__dict__["_ad_request"]
        names = list(self.input_spec)
        probed = [i for i, n in enumerate(names) if n in ins_ad and v.get(n)]
        hand = {n: t for n, t in v.items() if n not in ins_ad} if self._DIRECT else None
        graph = torch.is_grad_enabled()
        with torch.enable_grad():
            probes, values, v_hand = self._ad_forward(args, probed, hand, None)
            batch = torch.broadcast_shapes(*(y.batch_shape for y in values))
            if any(probes[i].batch_shape != batch for i in probed):
                probes, values, v_hand = self._ad_forward(args, probed, hand, batch)
            v_out: dict[str, dict[str, TensorWrapper]] = {k: dict(t) for k, t in v_hand.items()}
            for name, y in zip(self.output_spec, values):
                if name not in outs_ad or not probed:
                    continue
                blocks = self._ad_jacobian(y, [probes[i] for i in probed], graph)
                actions = {
                    names[i]: (lambda t, J=J, y=y: _apply_block(J, t, y))
                    for i, J in zip(probed, blocks)
                    if J is not None
                }
                for leaf, t in push(v, actions, y).items():
                    acc = v_out.setdefault(name, {})
                    acc[leaf] = t if leaf not in acc else acc[leaf] + t
        if not graph:
            values = tuple(y._new(y.data.detach()) for y in values)
            v_out = {o: {leaf: t._new(t.data.detach()) for leaf, t in d.items()} for o, d in v_out.items()}
        return (*values, v_out)

    def _ad_forward(
        self, args: tuple, probed: list[int], hand: dict[str, Any] | None, batch: tuple[int, ...] | None
    ) -> tuple[list[Any], tuple, dict[str, Any]]:
        """Run ``forward`` with the probed inputs as fresh autograd nodes (of batch ``batch``)."""
        probes = list(args)
        for i in probed:
            x = args[i]
            data = x.data if batch is None else x.data.expand(*batch, *x.base_shape)
            data = data.clone() if x.data.requires_grad else data.detach().clone().requires_grad_(True)
            probes[i] = x._new(data)
        if hand is not None:
            res = self.forward(*probes, v=hand)
            res = res if isinstance(res, tuple) else (res,)
            *vals, v_hand = res
        else:
            res = self.forward(*probes)
            vals = list(res) if isinstance(res, tuple) else [res]
            v_hand = {}
        values = tuple(x.value if isinstance(x, Local) else x for x in vals)
        return probes, values, v_hand or {}

    @staticmethod
    def _ad_jacobian(y: TensorWrapper, probes: list[TensorWrapper], graph: bool) -> list[torch.Tensor | None]:
        """Per-point blocks ``dy/dx`` of shape ``(*batch, n_y, n_x)``, one per probe (None: no dependence)."""
        if not y.data.requires_grad:
            return [None] * len(probes)
        n_y = _prod(y.BASE_SHAPE)
        flat = y.data.reshape(*y.data.shape[: y.data.dim() - y.base_ndim], n_y)
        rows: list[list[torch.Tensor | None]] = []
        for c in range(n_y):
            g = torch.autograd.grad(
                flat[..., c].sum(), [p.data for p in probes], retain_graph=True, create_graph=graph, allow_unused=True
            )
            rows.append(list(g))
        blocks: list[torch.Tensor | None] = []
        for j, p in enumerate(probes):
            if all(r[j] is None for r in rows):
                blocks.append(None)
                continue
            n_x = _prod(p.BASE_SHAPE)
            cols = [
                (r[j] if r[j] is not None else torch.zeros_like(p.data)).reshape(*flat.shape[:-1], n_x) for r in rows
            ]
            blocks.append(torch.stack(cols, dim=-2))
        return blocks


def _apply_block(J: torch.Tensor, t: TensorWrapper, y: TensorWrapper) -> TensorWrapper:
    """A tangent of ``y`` from the per-point block ``J`` ``(*batch, n_y, n_x)`` and an input tangent ``t``."""
    n_x = J.shape[-1]
    td = t.data.reshape(*t.data.shape[: t.data.dim() - t.base_ndim], n_x)
    pad = (J.dim() - 2) - (td.dim() - 1 - t.k_ndim)  # batch axes of J the tangent lacks
    if pad > 0:
        td = td.reshape(*td.shape[: t.k_ndim], *(1,) * pad, *td.shape[t.k_ndim :])
    out = (J @ td.unsqueeze(-1)).squeeze(-1)
    out = out.reshape(*out.shape[:-1], *y.BASE_SHAPE)
    return y._new(out, k_ndim=t.k_ndim, k_state=t.k_state, k_pairing=t.k_pairing)
