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

Declaring and reading typed parameters lives in :mod:`neml2.models.model_params` and the autograd
fallback (``request_AD``) in :mod:`neml2.models.ad_fallback`; both are mixins of ``Model``.
"""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from typing import Any, ClassVar

import nmhit
import torch
from torch import nn

from neml2.errors import InputError
from neml2.models.ad_fallback import ADFallback
from neml2.models.chain_rule import (
    ChainRuleAction,
    Local,
    SecondOrderChainRuleAction,
    push,
    push2,
    tangent_result,
)
from neml2.models.dual import dual_call
from neml2.models.model_params import _VAR_RE, TypedParameters
from neml2.schema import HitSchema
from neml2.types import TensorWrapper
from neml2.types.tensors import TYPES, Tensor


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


class Model(TypedParameters, ADFallback, nn.Module):
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

    # ------------------------------------------- typed parameter attributes
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

    # ---------------------------------------------------------- derivatives
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

