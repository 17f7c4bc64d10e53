"""EagerModel: the Python half of the eager C++ runtime (``neml2::eager::Model`` in libneml2_eager).

A model loaded from its input file with ``neml2.factory.load_model``, evaluated on raw tensors
with the boundary contract of the compiled runtime: ``forward`` / ``jvp`` / ``jacobian`` keyed by
variable names, the same input validation, derivatives from the model's ``v=`` chain rule."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

import torch

from neml2.aoti.boundary import RuntimeBoundary
from neml2.aoti.errors import FatalError
from neml2.aoti.export import _var
from neml2.factory import load_model
from neml2.models import sensitivity
from neml2.types import TensorWrapper


class EagerModel(RuntimeBoundary):
    """``EagerModel(input_file, model_name)``: inputs ``(*B, *base)`` with at least one batch axis."""

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
        with torch.no_grad():
            outs = self.model.call_by_name(self._typed(state))
        return self._shaped(outs, B)

    def jvp(
        self, inputs: Mapping[str, torch.Tensor], tangents: Mapping[str, torch.Tensor]
    ) -> tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]:
        state, B, N = self._prepare(inputs)
        if not isinstance(tangents, Mapping):
            raise FatalError(f"tangents must be a dict of tensors, got {type(tangents).__name__}")
        self._check_keys(tangents, "tangent")
        dirs = {n: self._canonical(f"tangent '{n}'", tangents[n], n, B, N) for n in self._inputs if n in tangents}
        with torch.no_grad():
            outs, jv = sensitivity.jvp(self.model, self._typed(state), self._typed(dirs))
        return self._shaped(outs, B), self._shaped(jv, B)

    def jacobian(
        self, inputs: Mapping[str, torch.Tensor]
    ) -> tuple[dict[str, torch.Tensor], dict[str, dict[str, torch.Tensor]]]:
        state, B, N = self._prepare(inputs)
        with torch.no_grad():
            outs, J = sensitivity.jacobian(self.model, self._typed(state))
        blocks = {
            o: {n: J[o][n].data.reshape(*B, *self._base[o], *self._base[n]) for n in self._inputs}
            for o in self._outputs
        }
        return self._shaped(outs, B), blocks

    def _typed(self, raw: Mapping[str, torch.Tensor]) -> dict[str, TensorWrapper]:
        """Canonical ``(N, *base)`` tensors as wrappers of the variables' types."""
        return {n: self._types[n](d) for n, d in raw.items()}

    def _shaped(self, wrapped: Mapping[str, TensorWrapper], B: tuple[int, ...]) -> dict[str, torch.Tensor]:
        """Output wrappers as raw ``(*B, *base)`` tensors, in output order."""
        for n in self._outputs:
            if getattr(wrapped[n], "sub_batch_ndim", 0):
                raise FatalError(f"output '{n}' has sub-batch axes; the eager runtime supports plain-batch models only")
        return {n: wrapped[n].data.reshape(*B, *self._base[n]) for n in self._outputs}


def _reject_sub_batch(model: torch.nn.Module, name: str) -> None:
    """Models declaring sub-batch (per-site) axes cannot cross the raw-tensor boundary."""
    for m in model.modules():
        if getattr(m, "sub_batch_shapes", None) or getattr(m, "SUB_BATCH", False):
            raise FatalError(
                f"model '{name}' has sub-batch axes ({type(m).__name__}); the eager runtime supports "
                "plain-batch models only: use the compiled route"
            )


__all__ = ["EagerModel"]
