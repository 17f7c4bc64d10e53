"""Typed parameters of a Model: declaring them from HIT values (a literal, a [Tensors] name, another
model's output or a variable) and reading them back inside ``forward`` (static slots or promoted inputs).

``TypedParameters`` is a mixin of :class:`~neml2.models.model.Model`; its methods are ``Model`` methods.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import torch
from torch import nn

from neml2.types import TensorWrapper

if TYPE_CHECKING:
    from neml2.models.model import Model

# variable names: identifiers joined by "/" (forces/T, state/internal/O), optionally a lag ~k
_VAR_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)*(~[0-9]+)?$")


@dataclass
class NLParam:
    """A parameter resolved to a runtime input (mode 3: another model's output; mode 4: a variable)."""

    input_name: str
    tail_index: int
    provider: Any = None
    provider_output: str | None = None


class _Params:
    """Parameter view for one call: static values from the model, promoted ones from ``nl``."""

    __slots__ = ("_model", "_nl")

    def __init__(self, model: Model, nl: tuple) -> None:
        self._model = model
        self._nl = nl

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # the slots themselves (not yet set while torch.compile builds the view)
            raise AttributeError(name)
        return self._model._get_param(name, self._nl)


def _literal(type_cls: type[TensorWrapper], values: list[float]) -> TensorWrapper:
    """A typed value from a list of HIT floats."""
    data = torch.tensor(values, dtype=torch.float64)
    from neml2 import settings

    data = data.to(settings.default_dtype)
    base = type_cls.BASE_SHAPE
    if not base:
        return type_cls(data[0] if len(values) == 1 else data)
    if hasattr(type_cls, "fill") and len(values) != _prod(base):
        try:
            return type_cls.fill(*data.unbind(-1))  # type: ignore[attr-defined]
        except (TypeError, ValueError):
            pass
    if len(values) % _prod(base):
        raise ValueError(f"{len(values)} values do not fill a {type_cls.__name__} of shape {base}")
    return type_cls(data.reshape(-1, *base).squeeze(0))


def _prod(shape: tuple[int, ...]) -> int:
    out = 1
    for s in shape:
        out *= s
    return out


def _parse_floats(spec: str) -> list[float] | None:
    try:
        return [float(x) for x in spec.split()]
    except ValueError:
        return None


class TypedParameters:
    """The parameter and buffer slots of a :class:`~neml2.models.model.Model`, typed as tensor wrappers."""

    def register_typed_parameter(self, name: str, value: TensorWrapper) -> None:
        """Store ``value`` as a calibration-tracked ``nn.Parameter`` exposed as a typed attribute."""
        data = value.data
        param = data if isinstance(data, nn.Parameter) else nn.Parameter(data.detach().clone())
        self._typed[name] = type(value)
        self._typed_sub[name] = value.sub_batch_ndim
        self._static_params.add(name)
        self.register_parameter(name, param)

    def mark_sub_batch(self, name: str, ndim: int) -> None:
        """Read the last ``ndim`` batch axes of the stored parameter / buffer ``name`` as sub-batch
        axes (a table's knots), so they never broadcast against the batch of the material points."""
        if name in self._typed and name in self._static_params:
            data = getattr(self, name).data
            batch = data.dim() - len(self._typed[name].BASE_SHAPE)
            self._typed_sub[name] = min(max(self._typed_sub.get(name, 0), ndim), batch)

    def register_typed_buffer(self, name: str, value: TensorWrapper, persistent: bool = True) -> None:
        """Store ``value`` as a constant buffer exposed as a typed attribute."""
        self._typed[name] = type(value)
        self._typed_sub[name] = value.sub_batch_ndim
        self._static_params.add(name)
        self.register_buffer(name, value.data.detach().clone(), persistent=persistent)

    def _resolve_constant(
        self, name: str, spec: Any, type_cls: type[TensorWrapper], factory: Any
    ) -> TensorWrapper | None:
        """Modes 1 and 2: a literal or a [Tensors] entry, else None."""
        if isinstance(spec, TensorWrapper):
            return spec if isinstance(spec, type_cls) else type_cls(spec.data)
        if isinstance(spec, torch.Tensor):
            return type_cls(spec)
        if isinstance(spec, (int, float)) and not isinstance(spec, bool):
            from neml2 import settings

            return type_cls(torch.tensor(float(spec), dtype=settings.default_dtype))
        if isinstance(spec, (list, tuple)) and all(isinstance(x, (int, float)) for x in spec):
            spec = " ".join(str(x) for x in spec)
        if not isinstance(spec, str):
            raise self._error(f"cannot interpret {spec!r} as a {type_cls.__name__}", name)
        floats = _parse_floats(spec)
        if floats is not None and floats:
            try:
                return _literal(type_cls, floats)
            except ValueError as e:
                raise self._error(str(e), name) from None
        if factory is not None and factory.has_tensor(spec):
            value = factory.get_tensor(spec)
            if not isinstance(value, TensorWrapper):
                raise self._error(f"[Tensors]/{spec} is not a tensor", name)
            if isinstance(value, type_cls):
                return value
            if value.base_shape != type_cls.BASE_SHAPE:
                raise self._error(f"[Tensors]/{spec} is a {type(value).__name__}, expected a {type_cls.__name__}", name)
            return type_cls(value.data)
        return None

    def declare_typed_parameter(
        self,
        name: str,
        spec: Any,
        type_cls: type[TensorWrapper],
        *,
        factory: Any = None,
        allow_nonlinear: bool = False,
    ) -> None:
        """Resolve ``spec`` (literal, [Tensors] name, model output or variable) into a parameter."""
        value = self._resolve_constant(name, spec, type_cls, factory)
        if value is not None:
            self.register_typed_parameter(name, value)
            return
        if not allow_nonlinear:
            raise self._error(f"{spec!r} is neither a number nor a [Tensors] name", name)
        model_name, _, var = spec.partition(".")
        provider = provider_output = None
        if factory is not None and factory.has_model(model_name):
            provider = factory.get_model(model_name)
            outs = list(provider.output_spec)
            if var:
                if var not in provider.output_spec:
                    raise self._error(f"model '{model_name}' has no output '{var}'; outputs: {', '.join(outs)}", name)
                provider_output = var
            elif len(outs) == 1:
                provider_output = outs[0]
            else:
                raise self._error(
                    f"model '{model_name}' has {len(outs)} outputs; "
                    f"name one as '{model_name}.<output>' ({', '.join(outs)})",
                    name,
                )
            input_name = provider_output
        else:
            if not _VAR_RE.match(spec):
                raise self._error(f"{spec!r} is not a number, a [Tensors] name, a model or a variable name", name)
            input_name = spec
        promoted = [p.input_name for p in self._nl_params.values()]
        tail = promoted.index(input_name) if input_name in promoted else len(dict.fromkeys(promoted))
        self._nl_params[name] = NLParam(input_name, tail, provider, provider_output)
        self.input_spec[input_name] = type_cls
        self._key_map[name] = input_name
        self._typed[name] = type_cls

    def declare_typed_buffer(self, name: str, spec: Any, type_cls: type[TensorWrapper], *, factory: Any = None) -> None:
        """Resolve ``spec`` as a constant (literal or [Tensors] name) and register it as a buffer."""
        value = self._resolve_constant(name, spec, type_cls, factory)
        if value is None:
            raise self._error(f"{spec!r} is neither a number nor a [Tensors] name", name)
        self.register_typed_buffer(name, value)

    def _get_param(self, name: str, nl_params: tuple = (), type_cls: type[TensorWrapper] | None = None) -> Any:
        """A parameter's value inside ``forward``: the static slot, or its promoted input
        from ``nl_params`` (the ``*promoted_params`` pack of ``forward``).

        ``name`` is the storage slot (``attr``) or the schema option name; ``type_cls``
        wraps a raw tensor value.
        """
        if name not in self._typed and len(self.param_names.get(name, ())) == 1:
            name = self.param_names[name][0]
        p = self._nl_params.get(name)
        if p is not None:
            value = nl_params[p.tail_index]
        else:
            value = self._static_value(name)
            if value is None:
                value = getattr(self, name)
        if type_cls is not None and not isinstance(value, TensorWrapper):
            value = type_cls(value)
        return value

    def _static_value(self, name: str) -> TensorWrapper | None:
        """A stored parameter / buffer as its typed wrapper (None if there is no such slot)."""
        typed = self.__dict__.get("_typed")
        if typed is None or name not in typed or name not in self._static_params:
            return None
        d = self.__dict__
        data = d["_parameters"].get(name)
        if data is None:
            data = d["_buffers"].get(name)
        return None if data is None else typed[name](data, sub_batch_ndim=d["_typed_sub"].get(name, 0))

    def params(self, nl: tuple = ()) -> _Params:
        """Attribute view of all parameters for one call (``p = self.params(nl); p.E``)."""
        return _Params(self, nl)

    @property
    def nl_params(self) -> dict[str, NLParam]:
        return self._nl_params
