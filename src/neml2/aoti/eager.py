"""EagerModel: the Python half of the eager C++ runtime (``neml2::eager::Model`` in libneml2_eager).

A model loaded from its input file with ``neml2.factory.load_model``, evaluated on raw tensors
with the boundary contract of the compiled runtime: ``forward`` / ``jvp`` / ``jacobian`` keyed by
variable names, the same input validation, derivatives from the model's ``v=`` chain rule."""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path

import torch

from neml2.aoti.batch_settings import example_batch
from neml2.aoti.boundary import RuntimeBoundary
from neml2.aoti.errors import FatalError
from neml2.aoti.export import _var
from neml2.factory import load_input
from neml2.models import sensitivity
from neml2.types import TensorWrapper


class EagerModel(RuntimeBoundary):
    """``EagerModel(input_file, model_name)``: inputs ``(*B, *base)`` with at least one batch axis;
    a variable with sites (declared in ``[Settings] example_batch_shape``) is ``(*B, *sites, *base)``."""

    def __init__(self, input_file: str | Path, model_name: str) -> None:
        factory = load_input(input_file)
        self.model = factory.get_model(model_name)
        for name, spec in (("input", self.model.input_spec), ("output", self.model.output_spec)):
            for n, t in spec.items():
                if not (isinstance(t, type) and issubclass(t, TensorWrapper)):
                    raise FatalError(f"{name} '{n}' of model '{model_name}' has no tensor type ({t!r})")
        ref = next(iter(self.model.parameters()), None)
        ref = ref if ref is not None else next(iter(self.model.buffers()), None)
        self._dtype = ref.dtype if ref is not None else torch.get_default_dtype()
        self._device = torch.device((ref.device if ref is not None else torch.get_default_device()).type)
        self._types = {**self.model.input_spec, **self.model.output_spec}
        #: sub-batch (per-site) shapes at the boundary: declared in [Settings] example_batch_shape
        #: for the inputs (``'(N; sites)'``), the outputs' found by an evaluation
        self._sub = example_batch(factory, self.model).boundary_sub(self.model, self._dtype, self._device)
        self._base = {n: tuple(_var(t, self._sub.get(n, ()))["base_shape"]) for n, t in self._types.items()}
        self._size = {n: math.prod(s) for n, s in self._base.items()}
        self._inputs = list(self.model.input_spec)
        self._outputs = list(self.model.output_spec)

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
        sites = {n: s for n, s in self._sub.items() if n in self.model.input_spec}
        with torch.no_grad():  # every site of a per-site input seeded: blocks couple all sites
            outs, J = sensitivity.jacobian(self.model, self._typed(state), sites)
        blocks = {
            o: {n: J[o][n].data.reshape(*B, *self._base[o], *self._base[n]) for n in self._inputs}
            for o in self._outputs
        }
        return self._shaped(outs, B), blocks

    def _typed(self, raw: Mapping[str, torch.Tensor]) -> dict[str, TensorWrapper]:
        """Canonical ``(N, *base)`` tensors as wrappers of the variables' types."""
        return {n: self._types[n](d, sub_batch_ndim=len(self._sub.get(n, ()))) for n, d in raw.items()}

    def _shaped(self, wrapped: Mapping[str, TensorWrapper], B: tuple[int, ...]) -> dict[str, torch.Tensor]:
        """Output wrappers as raw ``(*B, *base)`` tensors, in output order."""
        for n in self._outputs:
            got = tuple(wrapped[n].sub_batch_shape)
            if got != self._sub.get(n, ()):
                raise FatalError(
                    f"output '{n}' has sub-batch shape {got}, the model's boundary {self._sub.get(n, ())} "
                    "(declare the inputs' sub-batch shapes in [Settings] example_batch_shape)"
                )
        return {n: wrapped[n].data.reshape(*B, *self._base[n]) for n in self._outputs}


__all__ = ["EagerModel"]
