"""neml2-syntax: the registered input-file types and their options.

``neml2-syntax [--load PATH ...] [--summary] [--json FILE] [--section S] [--type T]``: text on stdout
by default; ``--json FILE`` writes ``{type: {"section", "module", "file", "doc", "options": {name: {kind,
type, default, required, ...}}}}`` (``-`` for stdout). ``--summary`` drops the option schema: one
``{"section", "module", "file", "doc"}`` entry per type (text: one line per type, with the defining
file). Hidden fields (derived variables such as ``x~1``) are not listed.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from pathlib import Path
from typing import Any

import neml2
from neml2.cli import EXIT_INPUT, add_load_argument, error, load_extensions
from neml2.errors import InputError
from neml2.factory import SECTIONS, registered
from neml2.schema import REQUIRED, Field, HitSchema, suggest

PROG = "neml2-syntax"

KINDS = {
    "option": "option",
    "input": "input var",
    "output": "output var",
    "parameter": "parameter",
    "buffer": "buffer",
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description="List the registered input-file types and their options.")
    add_load_argument(p)
    p.add_argument("--summary", action="store_true", help="one entry per type, without the option schema")
    p.add_argument("--json", metavar="FILE", help="write JSON to FILE ('-': stdout) instead of text")
    p.add_argument("--section", metavar="S", help=f"only types of this section ({', '.join(SECTIONS)})")
    p.add_argument("--type", metavar="T", help="only this type")
    return p


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)


def describe_field(name: str, f: Field) -> dict[str, Any]:
    """One option: kind, value type, default (None when required or absent), required, and the
    optional extras (choices, multi, doc)."""
    out: dict[str, Any] = {"kind": KINDS.get(f.kind, f.kind), "type": f.type_name()}
    if f.kind in ("input", "output"):
        # unset, the variable is named by the default (possibly a template), else like the option
        out["default"] = None if f.optional or f.required else (f.default if f.default is not None else name)
        out["required"] = f.required
        if f.optional:
            out["optional"] = True
    else:
        out["default"] = None if f.default is REQUIRED else _jsonable(f.default)
        out["required"] = f.required
    if f.multi:
        out["multi"] = True
    if f.choices:
        out["choices"] = list(f.choices)
    if f.doc:
        out["doc"] = f.doc
    return out


def source_file(cls: type) -> str:
    """The file defining ``cls``: relative to the package's parent folder (``neml2/...py``) when inside it."""
    try:
        path = Path(inspect.getfile(cls)).resolve()
    except (TypeError, OSError):
        return ""
    root = Path(neml2.__file__).resolve().parent.parent
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


def describe_type(cls: type) -> dict[str, Any]:
    schema: HitSchema | None = getattr(cls, "hit", None)
    fields = [(n, f) for n, f in schema] if schema is not None else []
    doc = (cls.__doc__ or "").strip().split("\n\n")[0]
    return {
        "section": getattr(cls, "SECTION", ""),
        "module": cls.__module__,
        "file": source_file(cls),
        "doc": " ".join(doc.split()),
        "options": {n: describe_field(n, f) for n, f in fields if not f.hidden},
    }


def catalog(
    section: str | None = None, type_name: str | None = None, summary: bool = False
) -> dict[str, dict[str, Any]]:
    """The described types, sorted by section then name (``summary``: without their options); raises
    KeyError naming a bad filter."""
    if section is not None and section not in SECTIONS:
        raise KeyError(f"unknown section '{section}'{suggest(section, SECTIONS)}; sections: {', '.join(SECTIONS)}")
    types = registered(section)
    if type_name is not None:
        if type_name not in types:
            where = f" in [{section}]" if section else ""
            raise KeyError(f"no registered type '{type_name}'{where}{suggest(type_name, types)}")
        types = {type_name: types[type_name]}
    order = {s: i for i, s in enumerate(SECTIONS)}
    names = sorted(types, key=lambda n: (order.get(getattr(types[n], "SECTION", ""), len(order)), n))
    described = {n: describe_type(types[n]) for n in names}
    if summary:
        for info in described.values():
            del info["options"]
    return described


def _default_text(d: dict[str, Any]) -> str:
    if d.get("optional"):
        return "absent unless set"
    if d["required"]:
        return "required"
    if d["kind"] in ("input var", "output var"):
        return f"= `{d['default']}`"
    return "optional" if d["default"] is None else f"= `{d['default']}`"


def text(cat: dict[str, dict[str, Any]]) -> str:
    lines: list[str] = []
    section = None
    for name, info in cat.items():
        if info["section"] != section:
            section = info["section"]
            lines += ["", f"[{section}]"] if lines else [f"[{section}]"]
        doc = info["doc"].split(". ")[0].split("; ")[0].rstrip(".")
        lines.append(f"  {name}" + (f": {doc}" if doc else "") + (f"  [{info['file']}]" if info["file"] else ""))
        if "options" not in info:  # --summary
            continue
        if not info["options"]:
            lines.append("      (no options)")
        for opt, d in info["options"].items():
            kind = d["kind"] + (", list" if d.get("multi") else "")
            extra = f"; choices: {', '.join(d['choices'])}" if d.get("choices") else ""
            doc = f": {d['doc']}" if d.get("doc") else ""
            lines.append(f"      {opt} ({kind}, {d['type']}, {_default_text(d)}{extra}){doc}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        load_extensions(args.load)
        cat = catalog(args.section, args.type, summary=args.summary)
    except KeyError as e:
        error(PROG, e.args[0])
        return EXIT_INPUT
    except InputError as e:
        error(PROG, str(e))
        return EXIT_INPUT
    if args.json:
        payload = json.dumps(cat, indent=2)
        if args.json == "-":
            print(payload)
        else:
            with open(args.json, "w") as fh:
                fh.write(payload + "\n")
            print(f"{len(cat)} types written to {args.json}", file=sys.stderr)
    else:
        print(text(cat))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
