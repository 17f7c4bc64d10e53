"""HitSchema: the declarative option list of an input-file type.

A type declares its options, in order, with one helper call each::

    hit = HitSchema(
        input("velocity", Vec, "Projectile velocity", attr="_v_name"),
        output("acceleration", Vec, "Projectile acceleration"),
        parameter("dynamic_viscosity", Scalar, "Drag coefficient", attr="mu"),
        buffer("gravity", Vec, "Gravity", attr="g", default=Vec.fill(0.0, -9.81, 0.0)),
    )

or keyed by option name, ``HitSchema(velocity=input(Vec), ...)`` (the helpers then take the
type first). The fields:

- ``option``: a plain setting (str, int, float, bool, list, list[float]).
- ``input`` / ``output``: the option names a variable the model reads / writes; unset, the
  variable is named after the option (or its ``default``; a template such as
  ``"{variable}_rate"`` may use other options), or is absent when ``optional``.
- ``parameter``: a model parameter (literal, [Tensors] name, or a variable / another model's
  output when promotion is allowed).
- ``buffer``: a constant tensor (literal or [Tensors] name).

``attr=`` names the instance attribute a field lands on: an option's value, the bound
variable name of an input / output, the storage slot of a parameter / buffer.

``check=`` on an option or parameter validates a value written as a literal in an input file
(never one set from Python, e.g. during calibration): it gets the option's text and the texts
of the block's other options and returns what is wrong, or None. ``positive``,
``non_negative`` and ``isotropic_elastic_constants`` are such checks.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import nmhit

from neml2.errors import InputError


class _Required:
    def __repr__(self) -> str:
        return "required"


REQUIRED: Any = _Required()
OPTIONAL: Any = None

#: (option text, texts of the block's options) -> what is wrong, or None
Check = Callable[[str, dict[str, str]], "str | None"]


@dataclass
class Field:
    kind: str  # option | input | output | parameter | buffer
    type: Any  # python type / "list" / "list[float]" / TensorWrapper subclass
    default: Any = REQUIRED
    doc: str = ""
    optional: bool = False  # input/output: absent unless set
    multi: bool = False  # input/output/parameter: a list of names / values
    priority: str | None = None
    nonlinear: bool = True
    choices: tuple[str, ...] | None = None
    hidden: bool = False  # derived variable (e.g. ``{variable}~1``), not settable from HIT
    check: Check | None = None  # validates input-file literals
    name: str = field(default="")
    attr: str | None = None  # instance attribute: option value, variable name, or parameter / buffer slot

    @property
    def required(self) -> bool:
        return self.default is REQUIRED and not self.optional

    def type_name(self) -> str:
        t = self.type
        if isinstance(t, str):
            return t
        return getattr(t, "__name__", str(t))


def _named(args: tuple) -> bool:
    """True for the documented call form ``helper(name, type, doc, ...)``; the first argument
    of the keyed form (``HitSchema(name=helper(type, ...))``) is a type, or a type word such
    as ``"list"``."""
    if not args or not isinstance(args[0], str):
        return False
    from neml2.types.tensors import TYPES

    return args[0] not in _TYPE_WORDS and args[0] not in TYPES


#: option type words of the keyed form (``option("list", None)``)
_TYPE_WORDS = frozenset({"list", "list[float]", "list[int]"})


def _with_name(f: Field, name: str) -> Field:
    f.name = name
    return f


def option(*args: Any, **kwargs: Any) -> Field:
    """A plain setting.

    ``option(name, type, doc="", *, default=REQUIRED, choices=None, attr=None, check=None)``
    (``attr``: the instance attribute that receives the value), or keyed inside
    ``HitSchema(name=option(type, default=REQUIRED, doc="", choices=None, *, check=None))``.
    """
    if _named(args):
        return _named_option(*args, **kwargs)
    return _option(*args, **kwargs)


def _option(
    type_: Any,
    default: Any = REQUIRED,
    doc: str = "",
    choices: tuple[str, ...] | None = None,
    *,
    check: Check | None = None,
    attr: str | None = None,
) -> Field:
    return Field("option", type_, default, doc, choices=choices, check=check, attr=attr)


def _named_option(
    name: str,
    type_: Any,
    doc: str = "",
    *,
    default: Any = REQUIRED,
    choices: tuple[str, ...] | None = None,
    attr: str | None = None,
    check: Check | None = None,
) -> Field:
    return _with_name(_option(type_, default, doc, choices, check=check, attr=attr), name)


def input(*args: Any, **kwargs: Any) -> Field:  # noqa: A001
    """A variable the model reads; the option's value names it.

    ``input(name, type, doc="", *, attr=None, default=None, optional=False, multi=False)``:
    unset, the variable is called ``default`` or else ``name``; ``attr`` is the instance
    attribute that receives the bound variable name. Keyed form:
    ``HitSchema(name=input(type, default_name=None, *, optional, multi, hidden, doc))``.
    """
    if _named(args):
        return _named_variable("input", *args, **kwargs)
    return _input(*args, **kwargs)


def _input(
    type_: Any,
    name: str | None = None,
    *,
    optional: bool = False,
    multi: bool = False,
    hidden: bool = False,
    doc: str = "",
    attr: str | None = None,
) -> Field:
    return Field("input", type_, name, doc, optional=optional, multi=multi, hidden=hidden, attr=attr)


def output(*args: Any, **kwargs: Any) -> Field:
    """A variable the model writes; same forms as :func:`input`, plus ``priority``
    (``"high"`` / ``"low"``) for duplicate providers in a composition."""
    if _named(args):
        return _named_variable("output", *args, **kwargs)
    return _output(*args, **kwargs)


def _output(
    type_: Any,
    name: str | None = None,
    *,
    optional: bool = False,
    multi: bool = False,
    priority: str | None = None,
    doc: str = "",
    attr: str | None = None,
) -> Field:
    return Field("output", type_, name, doc, optional=optional, multi=multi, priority=priority, attr=attr)


def _named_variable(
    kind: str,
    name: str,
    type_: Any,
    doc: str = "",
    *,
    attr: str | None = None,
    default: str | None = None,
    optional: bool = False,
    multi: bool = False,
    hidden: bool = False,
    priority: str | None = None,
) -> Field:
    if kind == "input":
        if priority is not None:
            raise TypeError(f"input {name!r}: priority applies to outputs only")
        f = _input(type_, default, optional=optional, multi=multi, hidden=hidden, doc=doc, attr=attr)
    else:
        if hidden:
            raise TypeError(f"output {name!r}: only inputs can be hidden")
        f = _output(type_, default, optional=optional, multi=multi, priority=priority, doc=doc, attr=attr)
    return _with_name(f, name)


def parameter(*args: Any, **kwargs: Any) -> Field:
    """A model parameter: a literal, a [Tensors] name, or (when promotion is allowed) a
    variable or another model's output, which makes it an input of the model.

    ``parameter(name, type, doc="", *, attr=None, default=REQUIRED, allow_promotion=False,
    multi=False, check=None)``: ``attr`` names the storage slot (the ``nn.Parameter`` and the
    typed attribute). Keyed form: ``HitSchema(name=parameter(type, default=REQUIRED, *,
    nonlinear=True, multi, doc, check))``.
    """
    if _named(args):
        return _named_parameter(*args, **kwargs)
    return _parameter(*args, **kwargs)


def _parameter(
    type_: Any,
    default: Any = REQUIRED,
    *,
    nonlinear: bool = True,
    multi: bool = False,
    doc: str = "",
    check: Check | None = None,
    attr: str | None = None,
) -> Field:
    return Field("parameter", type_, default, doc, nonlinear=nonlinear, multi=multi, check=check, attr=attr)


def _named_parameter(
    name: str,
    type_: Any,
    doc: str = "",
    *,
    attr: str | None = None,
    default: Any = REQUIRED,
    allow_promotion: bool = False,
    multi: bool = False,
    check: Check | None = None,
) -> Field:
    f = _parameter(type_, default, nonlinear=allow_promotion, multi=multi, doc=doc, check=check, attr=attr)
    return _with_name(f, name)


def buffer(*args: Any, **kwargs: Any) -> Field:
    """A constant tensor (a literal or a [Tensors] name) that moves with the model but is
    not trained: ``buffer(name, type, doc="", *, attr=None, default=REQUIRED)``, or keyed
    ``HitSchema(name=buffer(type, default=REQUIRED, doc=""))``."""
    if _named(args):
        return _named_buffer(*args, **kwargs)
    return _buffer(*args, **kwargs)


def _buffer(type_: Any, default: Any = REQUIRED, doc: str = "", *, attr: str | None = None) -> Field:
    return Field("buffer", type_, default, doc, nonlinear=False, attr=attr)


def _named_buffer(name: str, type_: Any, doc: str = "", *, attr: str | None = None, default: Any = REQUIRED) -> Field:
    return _with_name(_buffer(type_, default, doc, attr=attr), name)


class HitSchema:
    """Ordered mapping option name -> Field, with HIT parsing and validation."""

    def __init__(self, *fields: Any, **kwargs: Field) -> None:
        """``HitSchema(input("x", Scalar, "doc"), ...)`` (named fields, in order),
        ``HitSchema({name: field})`` and/or ``HitSchema(name=field, ...)``. A ``...``
        placeholder (as in a sketch, ``HitSchema(...)``) adds nothing."""
        table: dict[str, Field] = {}
        for item in fields:
            if item is Ellipsis:
                continue
            if isinstance(item, dict):
                table.update(item)
                continue
            if not isinstance(item, Field) or not item.name:
                raise TypeError(
                    f"HitSchema takes named fields such as input('x', Scalar, 'doc') or a dict, got {item!r}"
                )
            if item.name in table:
                raise TypeError(f"HitSchema: option {item.name!r} declared twice")
            table[item.name] = item
        self.fields: dict[str, Field] = {**table, **kwargs}
        for name, f in self.fields.items():
            f.name = name
        slots = [f.attr for f in self.fields.values() if f.attr]
        dup = {a for a in slots if slots.count(a) > 1}
        if dup:
            raise TypeError(f"HitSchema: attr {sorted(dup)[0]!r} used by more than one field")

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.fields.items())

    def extend(self, fields: dict[str, Field] | None = None, **kwargs: Field) -> HitSchema:
        return HitSchema({**self.fields, **(fields or {}), **kwargs})

    # ----------------------------------------------------------------- parsing
    def read_node(self, node: nmhit.Node, where: dict[str, Any]) -> dict[str, Any]:
        """Raw option values of a HIT block, validated against the schema (strings kept)."""
        values: dict[str, Any] = {}
        for child in node.children(nmhit.NodeType.Field):
            key = child.path()
            if key == "type":
                continue
            if key not in self.fields or self.fields[key].hidden:
                valid = [k for k, f in self.fields.items() if not f.hidden]
                raise InputError(
                    f"unknown option{suggest(key, valid)}; valid options: {', '.join(valid) or '(none)'}",
                    option=key,
                    **{**where, "line": child.line()},
                )
            values[key] = _node_value(child, self.fields[key], {**where, "line": child.line()})
        for child in node.children(nmhit.NodeType.Field):
            f = self.fields.get(child.path())
            if f is not None and f.check is not None:
                problem = f.check(values[f.name], values)
                if problem:
                    raise InputError(problem, option=f.name, **{**where, "line": child.line()})
        return values

    def resolve(self, values: dict[str, Any], where: dict[str, Any]) -> dict[str, Any]:
        """Apply defaults, reject unknown and missing options, coerce python values."""
        out: dict[str, Any] = {}
        for key in values:
            if key not in self.fields:
                raise InputError(
                    f"unknown option{suggest(key, self.fields)}; valid options: {', '.join(self.fields) or '(none)'}",
                    option=key,
                    **where,
                )
        for name, f in self.fields.items():
            if name in values and values[name] is not None:
                out[name] = coerce(f, values[name], {**where, "option": name})
            elif f.required and f.kind not in ("input", "output"):
                raise InputError("missing required option", option=name, **where)
            else:
                out[name] = None if f.default is REQUIRED else f.default
        return out


def suggest(key: str, valid: Any) -> str:
    close = difflib.get_close_matches(key, list(valid), n=3, cutoff=0.6)
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""


def _node_value(child: nmhit.Node, f: Field, where: dict[str, Any]) -> Any:
    try:
        return child.param_str()
    except nmhit.Error as e:  # pragma: no cover - nmhit validates syntax already
        raise InputError(str(e), option=f.name, **where) from None


def _split(value: Any) -> list[str]:
    if isinstance(value, str):
        return value.split()
    if isinstance(value, (list, tuple)):
        out: list[str] = []
        for v in value:
            out.extend(_split(v) if isinstance(v, str) else [v])
        return out
    return [value]


_A = {"int": "an integer", "list[int]": "a list of integers", "list[float]": "a list of numbers"}
_BOOL = {"true": True, "false": False, "1": True, "0": False, "on": True, "off": False, "yes": True, "no": False}


def coerce(f: Field, value: Any, where: dict[str, Any]) -> Any:
    """Coerce a HIT string or python value to the field's value type."""
    t = f.type
    if f.kind in ("input", "output"):
        names = _split(value)
        if not all(isinstance(n, str) for n in names):
            raise InputError(f"expected a variable name, got {value!r}", **where)
        if f.multi:
            return names
        if len(names) != 1:
            raise InputError(f"expected one variable name, got {len(names)}: {value!r}", **where)
        return names[0]
    if f.kind in ("parameter", "buffer"):
        return value
    try:
        if t is str:
            if not isinstance(value, str):
                raise ValueError(f"expected a string, got {value!r}")
            if f.choices and value.upper() not in f.choices and value not in f.choices:
                hint = suggest(value, f.choices) or suggest(value.upper(), f.choices)
                raise ValueError(f"invalid value {value!r}{hint}; valid choices: {', '.join(f.choices)}")
            return value
        if t is bool:
            if isinstance(value, bool):
                return value
            if isinstance(value, str) and value.lower() in _BOOL:
                return _BOOL[value.lower()]
            raise ValueError(f"expected true/false, got {value!r}")
        if t is int:
            if isinstance(value, bool):
                raise ValueError(f"expected an integer, got {value!r}")
            if isinstance(value, int):
                return value
            if isinstance(value, str):
                return int(value)
            raise ValueError(f"expected an integer, got {value!r}")
        if t is float:
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return float(value)
            return float(value)
        if t == "list":
            return [str(v) for v in _split(value)]
        if t == "list[float]":
            return [float(v) for v in _split(value)]
        if t == "list[int]":
            return [int(v) for v in _split(value)]
    except (TypeError, ValueError) as e:
        msg = str(e)
        if msg.startswith("could not convert") or msg.startswith("invalid literal"):
            msg = f"expected {_A.get(f.type_name(), 'a ' + f.type_name())}, got {value!r}"
        raise InputError(msg, **where) from None
    return value


# ------------------------------------------------------- checks of input-file literals
def literal_numbers(text: str) -> list[float] | None:
    """The numbers of a literal value (``'1e5'``, ``'1 2 3'``), or None when it is not one
    (a [Tensors] name or a variable)."""
    try:
        return [float(tok) for tok in str(text).split()] or None
    except ValueError:
        return None


def _bounded(what: str, ok: Callable[[float], bool], rule: str) -> Check:
    def check(text: str, _block: dict[str, str]) -> str | None:
        bad = [x for x in literal_numbers(text) or [] if not ok(x)]
        return f"{what} must be {rule}, got {bad[0]:g}" if bad else None

    return check


def positive(what: str) -> Check:
    """A check that the literal (each of its numbers) is > 0."""
    return _bounded(what, lambda x: x > 0, "positive")


def non_negative(what: str) -> Check:
    """A check that the literal (each of its numbers) is >= 0."""
    return _bounded(what, lambda x: x >= 0, "non-negative")


_ELASTIC_BOUNDS: dict[str, tuple[str, Callable[[float], bool], str]] = {
    "YOUNGS_MODULUS": ("Young's modulus", lambda x: x > 0, "be positive"),
    "SHEAR_MODULUS": ("shear modulus", lambda x: x > 0, "be positive"),
    "BULK_MODULUS": ("bulk modulus", lambda x: x > 0, "be positive"),
    "POISSONS_RATIO": ("Poisson's ratio", lambda x: -1 < x < 0.5, "lie in (-1, 0.5)"),
}


def isotropic_elastic_constants(text: str, block: dict[str, str]) -> str | None:
    """``coefficients`` read by ``coefficient_types``: a non-positive Young's, shear or bulk
    modulus or a Poisson's ratio outside (-1, 0.5) is inadmissible."""
    types = str(block.get("coefficient_types", "")).split()
    for tok, kind in zip(str(text).split(), types):
        value = literal_numbers(tok)
        bound = _ELASTIC_BOUNDS.get(kind.upper())
        if value is None or bound is None:
            continue
        what, ok, rule = bound
        if not ok(value[0]):
            return f"{what} must {rule}, got {value[0]:g}"
    return None
