"""neml2-inspect: the structural summary of a model of an input file (it is not evaluated).

``neml2-inspect [--load PATH ...] [--json] INPUT MODEL [OVERRIDE ...]`` prints the input variables,
output variables, parameters and buffers, each with type, dtype, device and shape (variables: the
per-point base shape; parameters and buffers: the stored tensor's shape, split into batch and base
in ``--json``), plus the parameters promoted to inputs (another model's output or a variable).
A compiled stub (``AOTIModel``) lists the artifact's promoted parameters.

``--json`` prints ``{"name", "type", "inputs", "outputs", "parameters", "buffers", "promoted"}``:
each variable ``{"name", "type", "dtype", "device", "base_shape"}``, each parameter / buffer
``{"name", "type", "dtype", "device", "shape", "batch_shape", "base_shape", "requires_grad",
"value"}`` (``value``: the values as nested lists, ``null`` above 64 of them, with ``summary``),
each promoted parameter ``{"name", "input"}``.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import torch

from neml2.cli import EXIT_INPUT, add_load_argument, add_overrides_argument, error, load_extensions, read_input
from neml2.errors import InputError

PROG = "neml2-inspect"
MAX_JSON_VALUES = 64


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG, description="Print the inputs, outputs, parameters and buffers of a model (not evaluated)."
    )
    add_load_argument(p)
    p.add_argument("--json", action="store_true", help="print the summary as a JSON document")
    p.add_argument("input", help="the input file (.i)")
    p.add_argument("model", help="the name of the [Models] block")
    add_overrides_argument(p, "Models/elasticity/coefficients:='210e3 0.3'")
    return p


def summarize(t: torch.Tensor) -> str:
    """A short description of a tensor's values."""
    t = t.detach()
    if t.numel() == 0:
        return "(empty)"
    if t.is_complex() or not (t.is_floating_point() or t.dtype in (torch.int32, torch.int64, torch.bool)):
        return f"{t.numel()} values"
    if t.numel() == 1:
        return f"{t.item():.6g}"
    if t.numel() <= 6:
        return "[" + ", ".join(f"{v:.6g}" for v in t.flatten().tolist()) + "]"
    f = t.double()
    return f"min {f.min().item():.6g}, mean {f.mean().item():.6g}, max {f.max().item():.6g}"


def _dtype(d: torch.dtype) -> str:
    return str(d).removeprefix("torch.")


def _owner(model: torch.nn.Module, dotted: str) -> tuple[Any, str]:
    path, _, leaf = dotted.rpartition(".")
    try:
        return (model.get_submodule(path) if path else model), leaf
    except AttributeError:
        return model, leaf


def _model_options(model: torch.nn.Module) -> tuple[torch.dtype, torch.device]:
    """The dtype and device the model's tensors live in (neml2's / torch's defaults without any)."""
    from neml2 import settings

    for t in (*model.parameters(), *model.buffers()):
        if t.is_floating_point():
            return t.dtype, t.device
    inner = getattr(model, "_inner", None)  # a compiled stub
    if inner is not None:
        return inner.dtype, torch.device(inner.device)
    return settings.default_dtype, torch.get_default_device()


def variables(model: Any, which: str) -> list[dict[str, Any]]:
    """The input (``which="input"``) or output variables: name, type, dtype, device, base shape."""
    dtype, device = _model_options(model)
    spec = model.input_spec if which == "input" else model.output_spec
    return [
        {
            "name": n,
            "type": t.__name__,
            "dtype": _dtype(dtype),
            "device": str(device),
            "base_shape": list(getattr(t, "BASE_SHAPE", ())),
        }
        for n, t in spec.items()
    ]


def _tensor_entry(name: str, data: torch.Tensor, tname: str, nbase: int) -> dict[str, Any]:
    shape = list(data.shape)
    cut = len(shape) - nbase
    entry: dict[str, Any] = {
        "name": name,
        "type": tname,
        "dtype": _dtype(data.dtype),
        "device": str(data.device),
        "shape": shape,
        "batch_shape": shape[:cut],
        "base_shape": shape[cut:],
        "requires_grad": bool(data.requires_grad),
    }
    small = data.numel() <= MAX_JSON_VALUES
    entry["value"] = data.detach().cpu().tolist() if small else None
    entry["summary"] = summarize(data)
    return entry


def tensors(model: torch.nn.Module, which: str) -> list[dict[str, Any]]:
    """The parameters (``which="parameter"``) or buffers, by dotted name, with their typed-tensor type."""
    from neml2.types import TYPES

    if which == "parameter":
        named = list(model.named_parameters())  # a compiled stub's: the artifact's promoted ones
    else:
        named = list(model.named_buffers())
    out = []
    for name, data in named:
        owner, leaf = _owner(model, name)
        t = getattr(owner, "_typed", {}).get(leaf)
        if t is None:  # guess from the trailing shape (compiled stubs keep no typed tensors)
            t = TYPES.get("Scalar") if data.dim() == 0 else None
        tname = t.__name__ if t is not None else "Tensor"
        nbase = len(t.BASE_SHAPE) if t is not None else 0
        out.append(_tensor_entry(name, data, tname, nbase))
    return out


def promoted(model: torch.nn.Module) -> list[dict[str, str]]:
    """Parameters promoted to runtime inputs (another model's output or a variable)."""
    rows = []
    for prefix, m in model.named_modules():
        for pname, nl in getattr(m, "nl_params", {}).items():
            rows.append({"name": f"{prefix}.{pname}" if prefix else pname, "input": nl.input_name})
    return rows


def summary(model: Any, name: str) -> dict[str, Any]:
    """The ``--json`` document."""
    return {
        "name": name,
        "type": getattr(model, "TYPE_NAME", type(model).__name__),
        "inputs": variables(model, "input"),
        "outputs": variables(model, "output"),
        "parameters": tensors(model, "parameter"),
        "buffers": tensors(model, "buffer"),
        "promoted": promoted(model),
    }


def _shape(s: list[int]) -> str:
    return str(tuple(s))


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]], indent: str = "  ") -> list[str]:
    if not rows:
        return [indent + "(none)"]
    allrows = [header, *rows]
    widths = [max(len(r[i]) for r in allrows) for i in range(len(header) - 1)]
    return [
        (indent + "  ".join(c.ljust(w) for c, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1]).rstrip()
        for r in allrows
    ]


def report(model: Any, name: str) -> str:
    """The text summary: one table per section, aligned columns, ``(none)`` for an empty one."""
    doc = summary(model, name)
    vhead = ("name", "type", "dtype", "device", "base_shape")
    thead = ("name", "type", "dtype", "device", "shape", "value")
    lines = [f"Model '{name}' ({doc['type']})"]
    for title, key in (("Inputs", "inputs"), ("Outputs", "outputs")):
        rows = [(v["name"], v["type"], v["dtype"], v["device"], _shape(v["base_shape"])) for v in doc[key]]
        lines += ["", f"{title}:", *_table(vhead, rows)]
    for title, key in (("Parameters", "parameters"), ("Buffers", "buffers")):
        rows = [(v["name"], v["type"], v["dtype"], v["device"], _shape(v["shape"]), v["summary"]) for v in doc[key]]
        lines += ["", f"{title}:", *_table(thead, rows)]
    if doc["promoted"]:
        rows = [(p["name"], p["input"]) for p in doc["promoted"]]
        lines += ["", "Parameters promoted to inputs:", *_table(("name", "input"), rows)]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_intermixed_args(argv)
    try:
        load_extensions(args.load)
        model = read_input(args.input, args.overrides).get_model(args.model)
        doc = json.dumps(summary(model, args.model), indent=2) if args.json else report(model, args.model)
    except InputError as e:
        error(PROG, str(e))
        return EXIT_INPUT
    print(doc)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
