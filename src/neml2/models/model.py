"""Model: the base class of every material model (a ``torch.nn.Module``).

Call contract (model.txt):

- ``model(*inputs)`` -> outputs (one typed wrapper, or a tuple in ``output_spec`` order);
- ``model(*inputs, v=v)`` -> ``(*outputs, v_out)`` with ``v[var][leaf]`` tangents carrying
  leading K seed axes;
- ``model(*inputs, v=v, v2=v2[, vh=vh])`` -> ``(*outputs, v_out, v2_out[, vh_out])``
  for models with ``SUPPORTS_SECOND_ORDER``.

A *leaf* writes ``forward(self, <inputs...>, *nl)`` returning one ``Local`` per output:
the value and its local partial derivatives (one action per input / parameter, keyed
by schema field or parameter name).  The base class applies them to the seeds, to
promoted parameters and to second order.  A model whose ``forward`` accepts ``v``
itself (composites, user code written against the documented API) handles tangents
directly.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

import nmhit
import torch
from torch import nn

from neml2.errors import InputError
from neml2.models.chain_rule import (
    ChainRuleAction,
    Local,
    SecondOrderChainRuleAction,
    push,
    push2,
    tangent_result,
)
from neml2.models.dual import dual_call
from neml2.schema import Field, HitSchema
from neml2.types import TensorWrapper
from neml2.types.tensors import TYPES, Tensor

# variable names: identifiers joined by "/" (forces/T, state/internal/O), optionally a lag ~k
_VAR_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(/[A-Za-z_][A-Za-z0-9_]*)*(~[0-9]+)?$")
_PASSTHROUGH = object()


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


def register_submodule(parent: nn.Module, child: nn.Module, fallback: str, *, used: set[str] | None = None) -> str:
    """Add ``child`` to ``parent`` under its HIT block name when possible, else ``fallback``."""
    name = getattr(child, "_hit_name", None)
    ok = (
        isinstance(name, str)
        and name.isidentifier()
        and not hasattr(parent, name)
        and (used is None or name not in used)
    )
    attr = name if ok else fallback
    parent.add_module(attr, child)
    if used is not None:
        used.add(attr)
    return attr


class Model(nn.Module):
    """Base class for models with declared variable names."""

    SECTION: ClassVar[str] = "Models"
    SUPPORTS_SECOND_ORDER: bool = False
    hit: ClassVar[HitSchema | None] = None
    _DIRECT: ClassVar[bool] = False

    input_spec: dict[str, type[TensorWrapper]]
    output_spec: dict[str, type[TensorWrapper]]
    output_priorities: dict[str, str | None] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._DIRECT = "v" in inspect.signature(cls.forward).parameters
        if "SUPPORTS_SECOND_ORDER" not in cls.__dict__:
            # a leaf's second order comes from dual numbers; a forward taking v itself says its own
            cls.SUPPORTS_SECOND_ORDER = not cls._DIRECT

    def __init__(self, *, _factory: Any = None, _where: dict[str, Any] | None = None, **hit_values: Any) -> None:
        super().__init__()
        d = self.__dict__
        d["_typed"] = {}
        d["_typed_sub"] = {}  # sub-batch axes of stored parameters / buffers (e.g. a table's knots)
        d["_nl_params"] = {}
        d["_key_map"] = {}
        d["_static_params"] = set()
        d["options"] = {}
        d["vars"] = {}
        d["param_names"] = {}
        d["_ad_request"] = None
        d["_forward_depth"] = 0
        d["_where"] = _where or {"block": type(self).__name__}
        if "input_spec" not in type(self).__dict__:
            self.input_spec = {}
        if "output_spec" not in type(self).__dict__:
            self.output_spec = {}
        self.output_priorities = {}
        if self.hit is not None:
            self._store_schema_values(hit_values, _factory)
        elif hit_values:
            raise InputError(f"unknown options: {', '.join(hit_values)}", **self._where)
        post = getattr(type(self), "__post_init__", None)
        if post is not None:
            post(self)

    # ----------------------------------------------------------- construction
    @classmethod
    def from_hit(cls, node: nmhit.Node, factory: Any) -> Any:
        where = factory.where(cls.SECTION, node.path())
        values = cls.hit.read_node(node, where) if cls.hit is not None else {}
        obj = cls(_factory=factory, _where=where, **values)
        obj._hit_name = node.path()
        return obj

    def _error(self, message: str, option: str | None = None) -> InputError:
        return InputError(message, option=option, **self._where)

    def _store_schema_values(self, hit_values: dict[str, Any], factory: Any) -> None:
        assert self.hit is not None
        values = self.hit.resolve(hit_values, self._where)
        names: dict[str, Any] = {}
        for key, f in self.hit:
            if f.kind == "option":
                self.options[key] = values[key]
                names[key] = values[key]
                if f.attr:
                    setattr(self, f.attr, values[key])
        fields = [(k, f) for k, f in self.hit if f.kind in ("input", "output")]
        pending = list(fields)
        for _ in range(len(fields) + 1):
            still = []
            for key, f in pending:
                value = hit_values.get(key)
                if value is None:
                    if f.optional:
                        names[key] = None
                        continue
                    value = key if f.default is None else f.default
                else:
                    value = values[key]
                if isinstance(value, str) and "{" in value:
                    try:
                        value = value.format(**{k: v for k, v in names.items() if v is not None})
                    except KeyError:
                        still.append((key, f))
                        continue
                names[key] = value
            pending = still
            if not pending:
                break
        for key, f in fields:
            name = names.get(key)
            if name is None:
                continue
            self.vars[key] = name
            spec = self.input_spec if f.kind == "input" else self.output_spec
            type_cls = TYPES[f.type] if isinstance(f.type, str) else f.type
            for var in name if isinstance(name, list) else [name]:
                if not _VAR_RE.match(var):
                    raise self._error(f"invalid variable name {var!r}", key)
                spec[var] = type_cls
            if not isinstance(name, list):
                self._key_map[key] = name
            if f.attr:
                setattr(self, f.attr, name)
            if f.kind == "output" and f.priority:
                for var in name if isinstance(name, list) else [name]:
                    self.output_priorities[var] = f.priority
        for key, f in self.hit:
            if f.kind in ("parameter", "buffer"):
                value = values[key]
                if value is None:
                    continue
                type_cls = TYPES[f.type] if isinstance(f.type, str) else f.type
                specs = [value]
                if f.multi:
                    specs = value.split() if isinstance(value, str) else list(value)
                slot = f.attr or key
                names = [slot] if len(specs) == 1 else [f"{slot}_{i}" for i in range(len(specs))]
                self.param_names[key] = names
                for name, spec in zip(names, specs):
                    try:
                        if f.kind == "buffer":
                            self.declare_typed_buffer(name, spec, type_cls, factory=factory)
                        else:
                            self.declare_typed_parameter(
                                name, spec, type_cls, factory=factory, allow_nonlinear=f.nonlinear
                            )
                    except InputError as e:
                        raise e.located(option=key, **self._where) from None

    # --------------------------------------------------------- parameters
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

    def __getattr__(self, name: str) -> Any:
        value = self._static_value(name)
        if value is not None:
            if self.__dict__.get("_forward_depth") and name in self.__dict__["_parameters"]:
                raise AttributeError(
                    f"{type(self).__name__}.forward reads parameter '{name}' as self.{name}; read it with "
                    f"self._get_param({name!r}, promoted_params), which also works once '{name}' is "
                    "promoted to an input"
                )
            return value
        return super().__getattr__(name)

    def __setattr__(self, name: str, value: Any) -> None:
        typed = self.__dict__.get("_typed")
        if typed is not None and name in self.__dict__.get("_static_params", ()):
            if isinstance(value, TensorWrapper):
                value = value.data
            if name in self._parameters and isinstance(value, torch.Tensor) and not isinstance(value, nn.Parameter):
                value = nn.Parameter(value)
        super().__setattr__(name, value)

    # ------------------------------------------------------------- calling
    @property
    def input_names(self) -> list[str]:
        return list(self.input_spec)

    @property
    def output_names(self) -> list[str]:
        return list(self.output_spec)

    def var(self, field: str) -> Any:
        """The variable name(s) bound to schema field ``field`` (None if absent)."""
        return self.vars.get(field)

    def _promote_inputs(self, args: tuple) -> tuple:
        """At the outermost call, floating inputs narrower than the model's dtype (a float32 tensor
        given to a float64 model) are promoted to it, as torch's type promotion would do for every
        elementwise op, so that the products of the model (matmul, einsum) see one dtype."""
        ref = next(self.parameters(), None)
        ref = ref if ref is not None else next(self.buffers(), None)
        if ref is None or not ref.is_floating_point():
            return args
        want = ref.dtype
        out = list(args)
        for i, a in enumerate(args):
            data = a.data
            if (
                isinstance(data, torch.Tensor)
                and data.is_floating_point()
                and data.dtype != want
                and torch.promote_types(data.dtype, want) == want
            ):
                out[i] = a._new(data.to(want))
        return tuple(out)

    def _wrap_inputs(self, args: tuple) -> tuple:
        if len(args) != len(self.input_spec):
            names = ", ".join(self.input_spec)
            raise TypeError(f"{type(self).__name__} takes {len(self.input_spec)} inputs ({names}), got {len(args)}")
        out = []
        for a, (name, t) in zip(args, self.input_spec.items(), strict=True):
            if isinstance(a, TensorWrapper):
                if not isinstance(a, t) and not issubclass(t, Tensor) and a.base_shape != t.BASE_SHAPE:
                    raise TypeError(
                        f"{type(self).__name__} input '{name}' expects a {t.__name__}, got a {type(a).__name__} "
                        f"of base shape {a.base_shape}"
                    )
                out.append(a)
                continue
            try:
                out.append(t(a))
            except (TypeError, ValueError) as e:
                kind = ValueError if isinstance(e, ValueError) else TypeError
                raise kind(f"{type(self).__name__} input '{name}': {e}") from None
        return tuple(out)

    def __call__(self, *args: Any, v: Any = None, v2: Any = None, vh: Any = None) -> Any:
        args = self._wrap_inputs(args)
        d = self.__dict__
        if not d.get("_forward_depth"):
            args = self._promote_inputs(args)
        d["_forward_depth"] = d.get("_forward_depth", 0) + 1
        try:
            if v is not None and d.get("_ad_request") is not None:
                if v2 is not None or vh is not None:
                    raise NotImplementedError(
                        f"{type(self).__name__}: request_AD supplies first-order derivatives (v=) only; "
                        "a model used inside Normality hand-writes its second-order chain rule"
                    )
                return self._call_ad(args, v)
            return self._dispatch(args, v, v2, vh)
        finally:
            d["_forward_depth"] -= 1

    def _dispatch(self, args: tuple, v: Any, v2: Any, vh: Any) -> Any:
        """Run ``forward`` on wrapped inputs: directly when it takes ``v``, else by its ``Local`` actions."""
        if self._DIRECT:
            if v is None and v2 is None and vh is None:
                return self.forward(*args)
            if vh is not None:
                return self.forward(*args, v=v, v2=v2, vh=vh)
            if v2 is not None:
                return self.forward(*args, v=v, v2=v2)
            return self.forward(*args, v=v)
        first = v is None and v2 is None and vh is None
        second = v2 is not None or vh is not None
        mode = self.__dict__.get("_tangent_mode")
        if not first and (mode == "dual" or (second and mode == "first")):
            return dual_call(self, *args, v=v, v2=v2, vh=vh)
        res = self.forward(*args)
        locs = (res,) if isinstance(res, (Local, TensorWrapper)) else tuple(res)
        values = tuple(x.value if isinstance(x, Local) else x for x in locs)
        if mode is None:
            mode = self.__dict__["_tangent_mode"] = _tangent_mode(locs)
        if first:
            return values[0] if len(values) == 1 else values
        if mode == "dual" or (second and mode == "first"):
            return dual_call(self, *args, v=v, v2=v2, vh=vh)
        v = v or {}
        v_out: dict[str, Any] = {}
        v2_out: dict[str, Any] = {}
        vh_out: dict[str, Any] = {}
        for name, loc in zip(self.output_spec, locs):
            if not isinstance(loc, Local):
                continue
            acts = self._map_actions(loc.d1)
            t = push(v, acts, loc.value)
            if t:
                v_out[name] = t
            if v2 is not None or vh is not None:
                t2 = push2(v, v2 or {}, acts, self._map_actions2(loc.d2), vh)
                if t2:
                    v2_out[name] = t2
            if vh is not None:
                th = push(vh, acts, loc.value)
                if th:
                    vh_out[name] = th
        return tangent_result(values, v_out, v2_out, vh_out, v2=v2, vh=vh)

    def _map_key(self, key: str) -> str | None:
        if key in self._static_params:
            return None
        return self._key_map.get(key, key)

    def _map_actions(self, actions: Mapping[str, ChainRuleAction]) -> dict[str, ChainRuleAction]:
        out: dict[str, ChainRuleAction] = {}
        for key, act in actions.items():
            var = self._map_key(key)
            if var is None:
                continue
            prev = out.get(var)
            out[var] = act if prev is None else (lambda t, a=prev, b=act: a(t) + b(t))
        return out

    def _map_actions2(
        self, actions: Mapping[tuple[str, str], SecondOrderChainRuleAction] | None
    ) -> dict[tuple[str, str], SecondOrderChainRuleAction] | None:
        if not actions:
            return None
        out = {}
        for (i, j), act in actions.items():
            vi, vj = self._map_key(i), self._map_key(j)
            if vi is not None and vj is not None:
                out[(vi, vj)] = act
        return out

    # ------------------------------------------------------------ request_AD
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

    def jvp(self, inputs: Mapping[str, Any], tangents: Mapping[str, Any]) -> Any:
        """``(outputs, jvp)`` keyed by variable name: the directional derivatives along ``tangents``."""
        from neml2.models.sensitivity import jvp

        return jvp(self, inputs, tangents)

    def jacobian(self, inputs: Mapping[str, Any]) -> Any:
        """``(outputs, J)`` with ``J[output][input]`` the ``(*batch, *out_base, *in_base)`` Tensor block."""
        from neml2.models.sensitivity import jacobian

        return jacobian(self, inputs)

    def call_by_name(self, state: Mapping[str, Any]) -> dict[str, TensorWrapper]:
        """Pure forward with inputs keyed by variable name; returns outputs keyed by name."""
        missing = [n for n in self.input_spec if n not in state]
        if missing:
            raise KeyError(f"{type(self).__name__}: missing inputs {', '.join(missing)}")
        out = self(*[state[n] for n in self.input_spec])
        out = out if isinstance(out, tuple) else (out,)
        return dict(zip(self.output_spec, out))

    # ---------------------------------------------- documented chain-rule API
    def apply_chain_rule(
        self,
        v: dict[str, dict[str, TensorWrapper]],
        output_name: str,
        actions: Mapping[str, ChainRuleAction],
        *,
        output: TensorWrapper | None = None,
    ) -> dict[str, dict[str, TensorWrapper]]:
        """Apply local chain-rule actions to the tangents ``v`` and accumulate by seed leaf.

        ``actions[name]`` maps an incoming tangent of input ``name`` (a variable name, or the
        schema option that binds it) to its contribution to the output ``output_name`` (a
        variable name or its option). Missing tangents are structural zeros. With ``output``
        (the forward value), contributions carry its sub-batch metadata.
        """
        t = push(self._typed_seeds(v or {}), self._input_actions(actions), output)
        return {self._output_var(output_name): t} if t else {}

    def _typed_seeds(self, v: Mapping[str, Mapping[str, Any]]) -> Mapping[str, Mapping[str, Any]]:
        """``v`` with raw-tensor tangents wrapped as their input variable's type (leading axes as batch)."""
        if all(isinstance(t, TensorWrapper) for d in v.values() for t in d.values()):
            return v
        out = {}
        for name, d in v.items():
            cls = self.input_spec.get(name)
            out[name] = {leaf: (t if isinstance(t, TensorWrapper) or cls is None else cls(t)) for leaf, t in d.items()}
        return out

    def _input_actions(self, actions: Mapping[str, Any]) -> dict[str, Any]:
        """Actions keyed by input variable names (option names mapped through the schema);
        two keys naming the same variable add."""
        out: dict[str, Any] = {}
        for key, act in actions.items():
            var = key if key in self.input_spec else self._key_map.get(key, key)
            prev = out.get(var)
            out[var] = act if prev is None else (lambda t, a=prev, b=act: a(t) + b(t))
        return out

    def _output_var(self, name: str) -> str:
        return name if name in self.output_spec else self._key_map.get(name, name)

    def apply_chain_rule_2(
        self,
        v: dict[str, dict[str, TensorWrapper]],
        v2: dict[str, dict[str, dict[str, TensorWrapper]]],
        output_name: str,
        actions_1: Mapping[str, ChainRuleAction],
        actions_2: Mapping[tuple[str, str], SecondOrderChainRuleAction] | None,
        vh: dict[str, dict[str, TensorWrapper]] | None = None,
    ) -> dict[str, dict[str, dict[str, TensorWrapper]]]:
        """Second-order push ``(g o f)''[a, b] = g''(f)[f'a, f'b] + g'(f) f''[a, b]``.

        ``actions_2[(i, j)]`` takes the tangents ``v[i][a]`` and ``vh[j][b]`` (``vh``
        defaults to ``v``) with their K axes outer-arranged and returns ``g''`` applied to
        them; a missing pair is ``g'' = 0`` (and ``(j, i)`` defaults to the swapped ``(i, j)``).
        ``actions_1`` applied to ``v2[i][a][b]`` gives the ``g'`` term. Names as in
        :meth:`apply_chain_rule`.
        """
        acts2 = None
        if actions_2:
            acts2 = {
                (
                    i if i in self.input_spec else self._key_map.get(i, i),
                    j if j in self.input_spec else self._key_map.get(j, j),
                ): a
                for (i, j), a in actions_2.items()
            }
        t = push2(v or {}, v2 or {}, self._input_actions(actions_1), acts2, vh)
        return {self._output_var(output_name): t} if t else {}

    def propagate_tangents(
        self,
        v: dict[str, dict[str, TensorWrapper]],
        output_name: str,
        actions_1: Mapping[str, ChainRuleAction],
        *,
        output: TensorWrapper | None = None,
        v2: Any = None,
        actions_2: Mapping[tuple[str, str], SecondOrderChainRuleAction] | None = None,
        vh: Any = None,
    ) -> tuple:
        """``(v_out,)``, ``(v_out, v2_out)`` or ``(v_out, v2_out, vh_out)`` as requested."""
        v_out = self.apply_chain_rule(v, output_name, actions_1, output=output)
        if v2 is None and vh is None:
            return (v_out,)
        v2_out = self.apply_chain_rule_2(v, v2 or {}, output_name, actions_1, actions_2, vh)
        if vh is None:
            return (v_out, v2_out)
        return (v_out, v2_out, self.apply_chain_rule(vh, output_name, actions_1, output=output))

    def forward(self, *args: Any) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError(f"{type(self).__name__} does not implement forward()")

    def extra_repr(self) -> str:
        return f"inputs={list(self.input_spec)}, outputs={list(self.output_spec)}"


def _tangent_mode(locs: tuple) -> str:
    """How a leaf's tangents are made, from what its ``forward`` returns: ``"dual"`` (values only:
    every order by dual numbers), ``"first"`` (``Local`` first partials; second order by dual
    numbers) or ``"second"`` (``Local`` with hand-written second partials)."""
    if not all(isinstance(x, Local) for x in locs):
        return "dual"
    return "second" if all(x.d2 is not None for x in locs) else "first"


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


def schema_fields(model: Model, kind: str) -> list[tuple[str, Field]]:
    return [(k, f) for k, f in (model.hit or HitSchema()) if f.kind == kind]
