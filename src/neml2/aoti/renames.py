"""Boundary renames (``--rename-input/-output/-parameter``): validated, then applied to the metadata."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from torch import nn

from neml2.aoti.parameters import Promoted
from neml2.errors import InputError

RENAME_KINDS = ("inputs", "outputs", "parameters")


def check_renames(
    model: nn.Module, promoted: Sequence[Promoted], renames: Mapping[str, Mapping[str, str]]
) -> dict[str, dict[str, str]]:
    """Validate ``--rename-input/-output/-parameter`` maps: each original is a model input, output
    or promoted parameter (named as in ``-p`` or by its block path), and the resulting boundary
    names stay unique.  Returns ``{"inputs", "outputs", "parameters": {original: new}}`` with the
    parameters keyed by their reported (``-p``) names."""
    unknown = set(renames) - set(RENAME_KINDS)
    if unknown:
        raise InputError(f"unknown rename kind(s) {', '.join(sorted(unknown))}; valid: {', '.join(RENAME_KINDS)}")
    have = {
        "inputs": list(model.input_spec),
        "outputs": list(model.output_spec),
        "parameters": [p.name for p in promoted],
    }
    flag = {"inputs": "--rename-input", "outputs": "--rename-output", "parameters": "--rename-parameter"}
    out: dict[str, dict[str, str]] = {k: {} for k in RENAME_KINDS}
    for kind in RENAME_KINDS:
        for orig, new in (renames.get(kind) or {}).items():
            if kind == "parameters":
                match = [p.name for p in promoted if orig in (p.name, p.path)]
                if not match:
                    what = ", ".join(have["parameters"]) or "none: promote one with -p NAME"
                    raise InputError(f"{flag[kind]} {orig}:{new}: '{orig}' is not a promoted parameter ({what})")
                orig = match[0]
            elif orig not in have[kind]:
                raise InputError(
                    f"{flag[kind]} {orig}:{new}: '{orig}' is not an {kind[:-1]} of the model ({', '.join(have[kind])})"
                )
            if not new or any(c.isspace() for c in new):
                raise InputError(f"{flag[kind]} {orig}:{new}: the new name must be non-empty without spaces")
            if orig in out[kind]:
                raise InputError(f"{flag[kind]}: '{orig}' is renamed twice")
            out[kind][orig] = new
    # the boundary names: variables share one namespace (the runtime state), parameters another
    # (a variable both read and written by the model is one name, renamed as either)
    var = {**out["outputs"], **out["inputs"]}
    both = [n for n in have["inputs"] if n in have["outputs"] and out["inputs"].get(n, n) != out["outputs"].get(n, n)]
    if both:
        raise InputError(f"'{both[0]}' is both an input and an output of the model: rename it the same way as both")
    final_vars = [var.get(n, n) for n in dict.fromkeys(have["inputs"] + have["outputs"])]
    final_params = [out["parameters"].get(n, n) for n in have["parameters"]]
    for label, names in (("variable", final_vars), ("parameter", final_params)):
        seen: set[str] = set()
        for n in names:
            if n in seen:
                raise InputError(f"renaming makes the {label} name '{n}' appear twice at the model's boundary")
            seen.add(n)
    return out


def _fresh(name: str, taken: set[str]) -> str:
    k = 1
    while f"{name}#{k}" in taken:
        k += 1
    return f"{name}#{k}"


def relabel(meta: dict[str, Any], aliases: Mapping[str, Mapping[str, str]]) -> None:
    """Apply boundary renames to the metadata in place and record them as ``boundary_aliases``.

    The graphs take their tensors positionally, so the names in the metadata only label the
    runtime's state: a renamed variable is relabeled wherever the metadata lists it (the values and
    graphs are untouched), and an internal variable that already carries a new name moves aside to
    a fresh label.  Promoted parameters keep their ``path``."""
    var = {**aliases.get("inputs", {}), **aliases.get("outputs", {})}
    names = set(meta["variables"])
    new_names = set(var.values())
    for n in sorted(names):
        if n in new_names and n not in var:  # an internal variable in the way of a new name
            var[n] = _fresh(n, names | new_names)
            names.add(var[n])

    def r(n: str) -> str:
        return var.get(n, n)

    for key in ("inputs", "outputs"):
        for v in meta[key]:
            v["name"] = r(v["name"])
    meta["variables"] = {r(n): v for n, v in meta["variables"].items()}
    for st in meta["stages"]:
        for key in ("inputs", "outputs", "given", "unknowns", "predictor_inputs"):
            if key in st:
                st[key] = [r(n) for n in st[key]]
        if "substepping" in st:  # the ramp's old values read from the runtime state, by name
            st["substepping"]["old_inputs"] = [r(n) for n in st["substepping"]["old_inputs"]]
    pmap = aliases.get("parameters", {})
    for p in meta["parameters"]:
        p["name"] = pmap.get(p["name"], p["name"])
    meta["boundary_aliases"] = {k: dict(aliases.get(k, {})) for k in RENAME_KINDS}
