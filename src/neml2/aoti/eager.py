"""EagerModel: the Python half of the eager C++ runtime (``neml2::eager::Model`` in libneml2_eager).

A model loaded from its input file with ``neml2.factory.load_model``, evaluated on raw tensors
with the boundary contract of the compiled runtime: ``forward`` / ``jvp`` / ``jacobian`` keyed by
variable names, the same input validation, derivatives from the model's ``v=`` chain rule."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import torch

from neml2.aoti.errors import FatalError
from neml2.aoti.export import _var
from neml2.aoti.runtime import PyModel
from neml2.factory import load_model
from neml2.models.chain_rule import seeds
from neml2.types import TensorWrapper


class EagerModel:
    """``EagerModel(input_file, model_name)``: inputs ``(*B, *base)`` with at least one batch axis."""

    # the boundary checks of the compiled runtime (they read _inputs, _base, _size, _dtype, _device)
    _check_tensor = PyModel._check_tensor
    _check_keys = PyModel._check_keys
    _batch_shape = PyModel._batch_shape
    _canonical = PyModel._canonical
    _prepare = PyModel._prepare

    def __init__(self, input_file: str | Path, model_name: str) -> None:
        self.model = load_model(input_file, model_name)
        for name, spec in (("input", self.model.input_spec), ("output", self.model.output_spec)):
            for n, t in spec.items():
                if not (isinstance(t, type) and issubclass(t, TensorWrapper)):
                    raise FatalError(f"{name} '{n}' of model '{model_name}' has no tensor type ({t!r})")
        _reject_sub_batch(self.model, model_name)
        self._types = {**self.model.input_spec, **self.model.output_spec}
        self._base = {n: tuple(_var(t)["base_shape"]) for n, t in self._types.items()}
        self._size = {n: math.prod(s) for n, s in self._base.items()}
        self._inputs = list(self.model.input_spec)
        self._outputs = list(self.model.output_spec)
        ref = next(iter(self.model.parameters()), None)
        ref = ref if ref is not None else next(iter(self.model.buffers()), None)
        self._dtype = ref.dtype if ref is not None else torch.get_default_dtype()
        self._device = torch.device((ref.device if ref is not None else torch.get_default_device()).type)

    # ------------------------------------------------------------------ metadata
    @property
    def input_names(self) -> list[str]:
        return list(self._inputs)

    @property
    def output_names(self) -> list[str]:
        return list(self._outputs)

    @property
    def input_base_shapes(self) -> list[list[int]]:
        return [list(self._base[n]) for n in self._inputs]

    @property
    def output_base_shapes(self) -> list[list[int]]:
        return [list(self._base[n]) for n in self._outputs]

    @property
    def device(self) -> str:
        return self._device.type

    @property
    def dtype(self) -> torch.dtype:
        return self._dtype

    # ---------------------------------------------------------------- evaluation
    def forward(self, inputs: Mapping[str, torch.Tensor]) -> dict[str, torch.Tensor]:
        state, B, N = self._prepare(inputs)
        outs, _ = self._call(state, None)
        return {n: outs[n].reshape(*B, *self._base[n]) for n in self._outputs}

    def jvp(
        self, inputs: Mapping[str, torch.Tensor], tangents: Mapping[str, torch.Tensor]
    ) -> tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]:
        state, B, N = self._prepare(inputs)
        if not isinstance(tangents, Mapping):
            raise FatalError(f"tangents must be a dict of tensors, got {type(tangents).__name__}")
        self._check_keys(tangents, "tangent")
        v = {}
        for n, t in self.model.input_spec.items():
            if n in tangents:
                d = self._canonical(f"tangent '{n}'", tangents[n], n, B, N)
                v[n] = {"d": _with_k(t, d[None])}
        outs, v_out = self._call(state, v, 1, N)
        jv = {n: v_out[n][0].reshape(*B, *self._base[n]) for n in self._outputs}
        return {n: outs[n].reshape(*B, *self._base[n]) for n in self._outputs}, jv

    def jacobian(
        self, inputs: Mapping[str, torch.Tensor]
    ) -> tuple[dict[str, torch.Tensor], dict[str, dict[str, torch.Tensor]]]:
        state, B, N = self._prepare(inputs)
        M = sum(self._size[n] for n in self._inputs)
        v, off = {}, 0
        for n, t in self.model.input_spec.items():
            v[n] = {"d": seeds(t, total=M, offset=off, dtype=self._dtype, device=self._device)}
            off += self._size[n]
        outs, v_out = self._call(state, v, M, N)
        J: dict[str, dict[str, torch.Tensor]] = {}
        for o in self._outputs:
            J[o], off = {}, 0
            for n in self._inputs:
                s = self._size[n]
                block = v_out[o][off : off + s].movedim(0, -1)  # (N, *out_base, s)
                J[o][n] = block.reshape(*B, *self._base[o], *self._base[n])
                off += s
        return {n: outs[n].reshape(*B, *self._base[n]) for n in self._outputs}, J

    def _call(
        self, state: dict[str, torch.Tensor], v: dict[str, Any] | None, K: int = 0, N: int = 0
    ) -> tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]:
        """Outputs ``(N, *base)`` and, with seeds ``v``, their derivatives ``(K, N, *base)``."""
        args = [t(state[n]) for n, t in self.model.input_spec.items()]
        with torch.no_grad():
            res = self.model(*args) if v is None else self.model(*args, v=v)
        if v is not None:
            *res, v_out = res
        res = res if isinstance(res, (tuple, list)) else (res,)
        for n, w in zip(self._outputs, res, strict=True):
            if getattr(w, "sub_batch_ndim", 0):
                raise FatalError(f"output '{n}' has sub-batch axes; the eager runtime supports plain-batch models only")
        outs = {n: w.data for n, w in zip(self._outputs, res, strict=True)}
        if v is None:
            return outs, {}
        D = {}
        for n in self._outputs:
            d = v_out.get(n, {}).get("d")
            base = self._base[n]
            if d is None:
                D[n] = torch.zeros(K, N, *base, dtype=self._dtype, device=self._device)
            else:
                D[n] = d.data.reshape(K, -1, *base).expand(K, N, *base)
        return outs, D


def _with_k(t: type[TensorWrapper], data: torch.Tensor) -> TensorWrapper:
    """A typed tangent with one leading K (seed) axis."""
    w = object.__new__(t)
    TensorWrapper.__init__(w, data, k_ndim=1)
    return w


def _reject_sub_batch(model: torch.nn.Module, name: str) -> None:
    """Models declaring sub-batch (per-site) axes cannot cross the raw-tensor boundary."""
    for m in model.modules():
        if getattr(m, "sub_batch_shapes", None) or getattr(m, "SUB_BATCH", False):
            raise FatalError(
                f"model '{name}' has sub-batch axes ({type(m).__name__}); the eager runtime supports "
                "plain-batch models only: use the compiled route"
            )


__all__ = ["EagerModel"]
