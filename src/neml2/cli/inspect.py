"""neml2-inspect: the inputs, outputs and parameters of a model of an input file.

``neml2-inspect INPUT MODEL [OVERRIDE ...]``
"""

from __future__ import annotations

import argparse
from typing import Any

import torch

from neml2.cli import EXIT_INPUT, error
from neml2.errors import InputError

PROG = "neml2-inspect"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description="List a model's inputs, outputs and parameters.")
    p.add_argument("input", help="the input file (.i)")
    p.add_argument("model", help="the name of the [Models] block")
    p.add_argument("overrides", nargs="*", metavar="OVERRIDE", help="HIT assignments applied after parsing")
    return p


def summarize(t: torch.Tensor) -> str:
    """A short description of a tensor's values."""
    t = t.detach()
    if t.numel() == 0:
        return "(empty)"
    if t.numel() == 1:
        return f"{t.item():.6g}"
    if t.numel() <= 6:
        return "[" + ", ".join(f"{v:.6g}" for v in t.flatten().tolist()) + "]"
    f = t.double()
    return f"min {f.min().item():.6g}, mean {f.mean().item():.6g}, max {f.max().item():.6g}"


def _owner(model: torch.nn.Module, dotted: str) -> tuple[Any, str]:
    path, _, leaf = dotted.rpartition(".")
    return (model.get_submodule(path) if path else model), leaf


def parameter_rows(model: torch.nn.Module) -> list[tuple[str, str, str, str]]:
    """(dotted name, type, shape, value summary) of every parameter and buffer; buffers marked."""
    rows = []
    named = [(n, p, "") for n, p in model.named_parameters()] + [(n, b, " (buffer)") for n, b in model.named_buffers()]
    for name, data, mark in named:
        owner, leaf = _owner(model, name)
        t = getattr(owner, "_typed", {}).get(leaf)
        tname = t.__name__ if t is not None else "Tensor"
        base = len(t.BASE_SHAPE) if t is not None else 0
        shape = tuple(data.shape)
        batch, basesh = shape[: len(shape) - base], shape[len(shape) - base :]
        shape_s = f"batch {batch} base {basesh}" if base else f"batch {batch}"
        rows.append((name + mark, tname, shape_s, summarize(data)))
    return rows


def promoted_rows(model: torch.nn.Module) -> list[tuple[str, str]]:
    """(dotted name, input variable) of parameters promoted to runtime inputs (another model's output
    or a variable)."""
    rows = []
    for prefix, m in model.named_modules():
        for pname, nl in getattr(m, "nl_params", {}).items():
            rows.append((f"{prefix}.{pname}" if prefix else pname, nl.input_name))
    return rows


def _table(rows: list[tuple[str, ...]], indent: str = "  ") -> list[str]:
    if not rows:
        return [indent + "(none)"]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    return [indent + "  ".join(c.ljust(w) for c, w in zip(r[:-1], widths, strict=True)) + "  " + r[-1] for r in rows]


def report(model: Any, name: str) -> str:
    lines = [f"Model '{name}' ({type(model).__name__})", "", "Inputs:"]
    lines += _table([(n, t.__name__) for n, t in model.input_spec.items()])
    lines += ["", "Outputs:"]
    lines += _table([(n, t.__name__) for n, t in model.output_spec.items()])
    lines += ["", "Parameters:"]
    lines += _table(parameter_rows(model))
    promoted = promoted_rows(model)
    if promoted:
        lines += ["", "Parameters promoted to inputs:"]
        lines += _table([(n, f"<- {v}") for n, v in promoted])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_intermixed_args(argv)
    import neml2

    try:
        model = neml2.load_input(args.input, overrides=args.overrides).get_model(args.model)
    except InputError as e:
        error(PROG, str(e))
        return EXIT_INPUT
    print(report(model, args.model))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
