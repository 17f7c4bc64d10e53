"""The raw-tensor boundary both Python runtimes share (``PyModel``, the compiled route, and
``EagerModel``, the Python half of the eager C++ runtime): inputs keyed by variable name, each
``(*B, *base)`` with at least one batch axis, checked (dtype, device, names, shapes) and broadcast
to one batch ``B``, flattened to ``(N, *base)``; the same messages as the C++ runtimes."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import torch

from neml2.aoti.errors import FatalError


class RuntimeBoundary:
    """Subclasses set ``_inputs`` / ``_outputs`` (names in call order), ``_base`` / ``_size`` (base
    shape and size per variable), ``_dtype`` and ``_device``."""

    _inputs: list[str]
    _outputs: list[str]
    _base: dict[str, tuple[int, ...]]
    _size: dict[str, int]
    _dtype: torch.dtype
    _device: torch.device

    @property
    def input_names(self) -> list[str]:
        return list(self._inputs)

    @property
    def output_names(self) -> list[str]:
        return list(self._outputs)

    def _check_tensor(self, what: str, x: Any) -> None:
        if not isinstance(x, torch.Tensor):
            raise FatalError(f"{what} must be a torch.Tensor, got {type(x).__name__}")
        if x.dtype != self._dtype:
            raise FatalError(f"{what} has dtype {x.dtype}, the model was compiled for {self._dtype}")
        if x.device.type != self._device.type:
            raise FatalError(f"{what} is on {x.device}, the model was compiled for {self._device.type}")

    def _check_keys(self, given: Mapping[str, Any], what: str) -> None:
        unknown = [k for k in given if k not in self._inputs]
        if unknown:
            raise FatalError(f"unknown {what} '{unknown[0]}'; inputs: {', '.join(self._inputs)}")

    def _batch_shape(self, what: str, x: torch.Tensor, name: str) -> tuple[int, ...]:
        base = self._base[name]
        nb = len(base)
        if x.dim() < nb + 1 or tuple(x.shape[x.dim() - nb :]) != base:
            want = "(*B" + "".join(f", {s}" for s in base) + ")"
            raise FatalError(f"{what} has shape {tuple(x.shape)}; expected {want} with at least one batch dimension")
        return tuple(x.shape[: x.dim() - nb])

    def _canonical(self, what: str, x: Any, name: str, B: tuple[int, ...], N: int) -> torch.Tensor:
        """``x`` checked, broadcast to ``(*B, *base)`` and flattened to ``(N, *base)``."""
        self._check_tensor(what, x)
        b = self._batch_shape(what, x, name)
        try:
            if torch.broadcast_shapes(b, B) != torch.Size(B):
                raise RuntimeError
        except RuntimeError:
            raise FatalError(f"{what} has batch shape {b}, which does not broadcast to {B}") from None
        return x.expand(*B, *self._base[name]).reshape(N, *self._base[name]).contiguous()

    def _prepare(self, inputs: Mapping[str, torch.Tensor]) -> tuple[dict[str, torch.Tensor], tuple[int, ...], int]:
        if not isinstance(inputs, Mapping):
            raise FatalError(f"inputs must be a dict of tensors, got {type(inputs).__name__}")
        missing = [n for n in self._inputs if n not in inputs]
        if missing:
            raise FatalError(f"missing input '{missing[0]}'; inputs: {', '.join(self._inputs)}")
        self._check_keys(inputs, "input")
        shapes = []
        for n in self._inputs:
            self._check_tensor(f"input '{n}'", inputs[n])
            shapes.append(self._batch_shape(f"input '{n}'", inputs[n], n))
        try:
            B = tuple(torch.broadcast_shapes(*shapes))
        except RuntimeError:
            desc = ", ".join(f"{n}: {s}" for n, s in zip(self._inputs, shapes, strict=True))
            raise FatalError(f"input batch shapes do not broadcast ({desc})") from None
        N = math.prod(B)
        return {n: self._canonical(f"input '{n}'", inputs[n], n, B, N) for n in self._inputs}, B, N
