"""Catalog conformance: every registered type that the spec's catalog.md lists declares the same
options as the documented package (names, kinds, value types, defaults, required-ness), and the
types the catalog does not list are named here with the reason.

catalog.md is read in place from the spec folder beside the repository. Its item forms and how
they map onto our HitSchema fields:

- ``opt x: T = v`` / ``required`` -> ``option``; ``dep x (get_...)`` -> ``option`` of type str
  naming another object (our schema has no separate kind for it);
- ``in`` / ``out x: T = name`` -> ``input`` / ``output`` named ``name`` unless set; ``optional
  (absent unless set)`` -> ``optional=True``; ``= <block name>`` -> ``optional=True`` with the
  block-name fallback (checked by loading one); ``in-list`` -> ``input(multi=True)``;
- ``<x>_rate (derived), renamed by r`` -> the settable variable field ``r`` whose default is the
  template ``{x}_rate`` (the catalog's plain ``opt r: str`` naming it folds into that field);
  ``<x>~1 (derived)`` without renaming -> a hidden field with that template;
- ``param`` / ``param list`` -> ``parameter`` / ``parameter(multi=True)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import neml2
from neml2.factory import _builtin, registered
from neml2.schema import REQUIRED, Field

CATALOG = Path(__file__).resolve().parents[2] / ".." / "shared" / "spec" / "catalog.md"

pytestmark = pytest.mark.skipif(not CATALOG.is_file(), reason=f"the spec catalog is not at {CATALOG}")

#: registered types the catalog does not list
NOT_IN_CATALOG: dict[str, str] = {
    "ModelUnitTest": "the documented unit-test driver (issue 9 item 5, docs' extension tutorials); the catalog "
    "generator lists the package's registry without its test-harness drivers",
}

#: (type, option) -> why our schema differs from the catalog
KNOWN_DIFFERENCES: dict[tuple[str, str], str] = {
    ("AOTIModel", "solver"): "extension: a [Solvers] Newton block handed to the runtime's set_solver_config "
    "(documented in aoti.txt) for the compiled implicit stages; the documented HIT type takes artifact_path only",
    ("VecComponents", "to"): "the catalog lists the three output names as a list[str] option; ours declares them "
    "as a multi-name output (same HIT syntax) so the resolver wires them like any output",
    ("TransientDriver", "show_progress"): "extension: progress bar of long runs (neml2-run, the demo)",
}

_TENSOR_TYPES = {"Scalar", "Vec", "R2", "SR2", "WR2", "SSR4", "MRP", "MillerIndex", "R4", "Rot"}


@dataclass
class Expect:
    """One settable option (or one hidden derived variable) as the catalog states it."""

    kind: str  # option | input | output | parameter | hidden
    type: str
    default: Any = REQUIRED  # REQUIRED, None (optional / absent unless set), "<block name>", or a value
    multi: bool = False
    dep: bool = False


_ITEM = re.compile(
    r"^(?P<kind>opt|dep|in|out|in-list|param list|param) `(?P<name>[^`]+)`"
    r"(?: \((?P<getter>get_\w+)\))?(?:: (?P<rest>.*)| (?P<deprest>.*))$"
)
_LIST_IN = re.compile(r"^list of (?P<type>\w+) variable names, required$")
_DERIVED = re.compile(r"^(?P<type>\w+) \(derived\)(?:, renamed by `(?P<by>[^`]+)`)?$")
_VALUE = re.compile(r"^(?P<type>\S+) (?:= `(?P<value>[^`]*)`(?: \(empty\))?|= (?P<block><block name>)|(?P<word>.+))$")


def _template(name: str) -> str:
    return re.sub(r"<(\w+)>", r"{\1}", name)


def _parse_value(text: str) -> tuple[str, Any]:
    m = _VALUE.match(text)
    assert m, f"unparsed catalog value: {text!r}"
    if m["block"]:
        return m["type"], "<block name>"
    if m["word"] is not None:
        word = m["word"]
        assert word in ("required", "optional", "optional (absent unless set)"), f"unparsed catalog value: {text!r}"
        return m["type"], REQUIRED if word == "required" else None
    return m["type"], m["value"]


def _parse_items(body: str) -> dict[str, Expect]:
    out: dict[str, Expect] = {}
    if body == "no options":
        return out
    plain_str: dict[str, Expect] = {}
    renamed: set[str] = set()
    for item in re.split(r"; (?=(?:opt|dep|in|out|in-list|param) )", body):
        m = _ITEM.match(item)
        assert m, f"unparsed catalog item: {item!r}"
        kind, name = m["kind"], m["name"]
        if kind == "dep":
            rest = m["deprest"]
            default: Any = REQUIRED if rest == "required" else None if rest == "optional" else rest.strip("= `")
            out[name] = Expect("option", "str", default, dep=True)
        elif kind == "in-list":
            lm = _LIST_IN.match(m["rest"])
            assert lm, f"unparsed catalog item: {item!r}"
            out[name] = Expect("input", lm["type"], REQUIRED, multi=True)
        elif (dm := _DERIVED.match(m["rest"] or "")) is not None:
            io = "input" if kind == "in" else "output"
            if dm["by"]:
                out[dm["by"]] = Expect(io, dm["type"], _template(name))
                renamed.add(dm["by"])
            else:
                out[f"<hidden {_template(name)}>"] = Expect("hidden", dm["type"], _template(name))
        else:
            type_, default = _parse_value(m["rest"])
            if kind == "opt":
                e = Expect("option", type_, default)
                (plain_str if type_ == "str" else out)[name] = e
            elif kind in ("in", "out"):
                out[name] = Expect("input" if kind == "in" else "output", type_, default)
            else:
                out[name] = Expect("parameter", type_, default, multi=kind == "param list")
    for name, e in plain_str.items():
        if name not in renamed:  # a plain str option; else the name of a derived variable, folded above
            out[name] = e
    return out


def parse_catalog(text: str) -> dict[str, tuple[str, dict[str, Expect]]]:
    """type -> (section, settable options and hidden derived variables)."""
    types: dict[str, tuple[str, dict[str, Expect]]] = {}
    section = ""
    for line in text.splitlines():
        if line.startswith("## ["):
            section = line[4:].rstrip("]")
        m = re.match(r"^- \*\*(\w+)\*\* \([^)]*\): (.*)$", line)
        if m:
            types[m[1]] = (section, _parse_items(m[2]))
    return types


@pytest.fixture(scope="module")
def catalog() -> dict[str, tuple[str, dict[str, Expect]]]:
    return parse_catalog(CATALOG.read_text())


# ------------------------------------------------------------------ comparison
def _is_list(t: str) -> bool:
    return t.startswith("list")


def _same_type(ours: Field, expect: Expect) -> bool:
    t = ours.type_name()
    if expect.type in _TENSOR_TYPES or t in _TENSOR_TYPES:
        return t == expect.type
    if _is_list(expect.type) or _is_list(t):
        return _is_list(expect.type) and _is_list(t)
    return t == expect.type


def _norm(value: Any) -> Any:
    """A default as comparable text: numbers by value, bools lower case, empty as None, one-item
    lists as the item."""
    if isinstance(value, (list, tuple)):
        if not value:
            return None
        return _norm(value[0]) if len(value) == 1 else [_norm(v) for v in value]
    if value is None or value == "":
        return None
    text = str(value)
    if text.lower() in ("true", "false"):
        return text.lower()
    try:
        return float(text)
    except ValueError:
        return text


def _our_default(name: str, f: Field) -> Any:
    if f.kind in ("input", "output"):
        if f.optional:
            return None
        if f.default is REQUIRED:
            return REQUIRED
        return name if f.default is None else f.default
    return f.default


def _differences(type_name: str, cls: type, expected: dict[str, Expect]) -> dict[str, str]:
    """option -> what differs (empty when the schema matches the catalog)."""
    fields: list[tuple[str, Field]] = list(cls.hit) if getattr(cls, "hit", None) is not None else []  # type: ignore[attr-defined]
    ours = {n: f for n, f in fields if not f.hidden}
    hidden = {str(f.default): f for _, f in fields if f.hidden}
    diff: dict[str, str] = {}
    for name, e in expected.items():
        if e.kind == "hidden":
            f = hidden.get(str(e.default))
            if f is None:
                diff[name] = "missing derived variable"
            elif f.type_name() != e.type:
                diff[name] = f"type {f.type_name()}, catalog {e.type}"
            continue
        f = ours.get(name)
        if f is None:
            diff[name] = f"missing ({e.kind} {e.type})"
            continue
        problems = []
        if f.kind != e.kind:
            problems.append(f"kind {f.kind}, catalog {e.kind}")
        if not _same_type(f, e):
            problems.append(f"type {f.type_name()}, catalog {e.type}")
        if e.kind in ("input", "output", "parameter") and f.multi != e.multi:
            problems.append(f"multi={f.multi}, catalog {e.multi}")
        mine = _our_default(name, f)
        if e.default == "<block name>":
            if not (f.kind == "output" and f.optional):
                problems.append("catalog names the output after the block")
        elif e.default is REQUIRED or mine is REQUIRED:
            if (e.default is REQUIRED) != (mine is REQUIRED):
                problems.append(f"required={mine is REQUIRED}, catalog {e.default is REQUIRED}")
        elif _norm(mine) != _norm(e.default):
            problems.append(f"default {mine!r}, catalog {e.default!r}")
        if problems:
            diff[name] = "; ".join(problems)
    for name in ours:
        if name not in expected:
            diff[name] = "not in the catalog"
    return diff


def _compared_types() -> list[str]:
    text = CATALOG.read_text() if CATALOG.is_file() else ""
    listed = set(re.findall(r"^- \*\*(\w+)\*\*", text, flags=re.M))
    return sorted(n for n in registered() if n in listed)


@pytest.mark.parametrize("type_name", _compared_types())
def test_schema_matches_catalog(type_name: str, catalog: dict[str, tuple[str, dict[str, Expect]]]) -> None:
    cls = registered()[type_name]
    section, expected = catalog[type_name]
    assert getattr(cls, "SECTION", None) == section
    diff = _differences(type_name, cls, expected)
    known = {opt for (t, opt) in KNOWN_DIFFERENCES if t == type_name}
    unexplained = {k: v for k, v in diff.items() if k not in known}
    assert not unexplained, f"{type_name}: " + ", ".join(f"{k}: {v}" for k, v in unexplained.items())
    assert set(diff) >= known, f"{type_name}: known differences no longer differ: {known - set(diff)}"


def test_catalog_is_parsed_whole(catalog: dict[str, tuple[str, dict[str, Expect]]]) -> None:
    """Every type of the summary table is parsed, so no comparison is skipped silently."""
    text = CATALOG.read_text()
    total = int(re.search(r"^\| total \| (\d+) \|", text, flags=re.M)[1])  # type: ignore[index]
    assert len(catalog) == total
    assert catalog["SR2BackwardEulerTimeIntegration"][1]["rate"] == Expect("input", "SR2", "{variable}_rate")
    assert catalog["Newton"][1]["linear_solver"] == Expect("option", "str", None, dep=True)


def test_types_not_in_catalog(catalog: dict[str, tuple[str, dict[str, Expect]]]) -> None:
    """Built-in types only: other tests of the session register their own user types."""
    builtin = [n for n, cls in registered().items() if cls.__module__.startswith("neml2.")]
    assert sorted(n for n in builtin if n not in catalog) == sorted(NOT_IN_CATALOG)


def test_known_differences_are_of_compared_types() -> None:
    assert {t for t, _ in KNOWN_DIFFERENCES} <= set(_compared_types())


@pytest.mark.parametrize("type_name", ["ScalarConstantParameter", "SR2ConstantParameter"])
def test_output_named_after_the_block(type_name: str) -> None:
    """``out parameter = <block name>``: unset, the output variable is the block's name."""
    value = "1.5" if type_name.startswith("Scalar") else "'1 2 3 4 5 6'"
    f = neml2.load_string(f"[Models]\n  [youngs]\n    type = {type_name}\n    value = {value}\n  []\n[]\n")
    assert list(f.get_model("youngs").output_spec) == ["youngs"]


@pytest.mark.parametrize("type_name", ["ScalarLinearCombination", "SR2LinearCombination", "ScalarMultiplication"])
def test_variable_list_is_required(type_name: str) -> None:
    """``in-list from ... required``: omitted, the block is refused with the option named."""
    with pytest.raises(neml2.InputError, match="missing required option") as info:
        neml2.load_string(f"[Models]\n  [m]\n    type = {type_name}\n  []\n[]\n").get_model("m")
    assert (info.value.block, info.value.option) == ("Models/m", "from")


def test_every_field_is_documented() -> None:
    """Every settable field of every built-in type has a one-line ``doc=``, so neml2-syntax is the
    type reference."""
    fields = {
        f"{name}.{key}": f.doc
        for name, cls in registered().items()
        if _builtin(cls)
        for key, f in (cls.hit or [])  # type: ignore[attr-defined]
        if not f.hidden
    }
    missing = [k for k, doc in fields.items() if not doc.strip()]
    assert not missing, f"fields without doc=: {', '.join(missing)}"
    multi_line = [k for k, doc in fields.items() if "\n" in doc]
    assert not multi_line, f"doc= of more than one line: {', '.join(multi_line)}"


def test_every_catalog_type_is_registered(
    catalog: dict[str, tuple[str, dict[str, Expect]]], tmp_path: Path
) -> None:
    """The catalog diff: all of its types (206) are in ``neml2-syntax --json``; their options are
    compared above."""
    import json

    from neml2.cli.syntax import main

    out = tmp_path / "syntax.json"
    assert main(["--json", str(out)]) == 0
    listed = json.loads(out.read_text())
    missing = sorted(set(catalog) - set(listed))
    assert not missing, f"catalog types not registered: {', '.join(missing)}"
    assert len(catalog) == 206
