"""``neml2-compile -i``: the compile options chosen with prompts built from the loaded model.

The prompts (questionary) offer the model's blocks, its promotable parameters, its ``OUT:IN``
derivative pairs and its boundary names; a review then runs the compile, edits the answers again,
or prints the equivalent plain ``neml2-compile`` command.
"""

from __future__ import annotations

import argparse
import copy
from typing import Any

from neml2.cli import read_input
from neml2.errors import InputError

HINT = "interactive mode needs questionary, which is not installed: pip install questionary"
RUN, EDIT, COPY, CANCEL = "run it", "edit the answers", "copy: print the command and exit", "cancel"


def _questionary() -> Any:
    try:
        import questionary
    except ImportError:
        raise InputError(HINT) from None
    return questionary


def _ask(question: Any) -> Any:
    """An answer; ``None`` (Ctrl-C) cancels the session."""
    answer = question.ask()
    if answer is None:
        raise KeyboardInterrupt
    return answer


def parameter_names(model: Any) -> list[str]:
    """The names ``-p`` accepts, by block (``elasticity.E``), in model order."""
    from neml2.aoti.export import _parameter_table

    return [f"{b}.{p}" for b, p in _parameter_table(model)]


def derivative_pairs(model: Any) -> list[str]:
    """``:`` (all pairs) and every ``OUT:IN`` pair of the model."""
    return [":"] + [f"{o}:{i}" for o in model.output_spec for i in model.input_spec]


def _renames(q: Any, kind: str, names: list[str], current: list[str]) -> list[str]:
    now = dict(t.split(":", 1) for t in current if ":" in t)
    out = []
    for n in names:
        new = _ask(q.text(f"{kind} '{n}' at the boundary (Enter keeps it):", default=now.get(n, n))).strip()
        if new and new != n:
            out.append(f"{n}:{new}")
    return out


def _prompt(q: Any, args: argparse.Namespace) -> argparse.Namespace:
    """One pass over the questions, the current answers as defaults."""
    args = copy.copy(args)
    factory = read_input(args.input, args.overrides)
    models = list(factory.blocks.get("Models", {}))
    if not models:
        raise InputError(f"{args.input}: no [Models] block to compile")
    default = args.model or (models[0] if not args.driver else None)
    drivers = list(factory.blocks.get("Drivers", {}))
    target = "model"
    if drivers:
        target = _ask(q.select("Compile", choices=["model", "driver"], default="driver" if args.driver else "model"))
    if target == "driver":
        args.model, args.driver = None, _ask(q.select("Driver:", choices=drivers, default=args.driver or drivers[0]))
        from neml2.cli.aoti_compile import _driver_model

        name = _driver_model(factory, args.driver)
    else:
        args.driver = None
        args.model = name = _ask(q.select("Model:", choices=models, default=default or models[0]))
    model = factory.get_model(name)
    params = parameter_names(model)
    if params:
        chosen = [c for c in args.parameter if c in params]
        picked = _ask(
            q.checkbox(
                "Parameters to keep as runtime inputs (-p; the others are baked):",
                choices=[q.Choice(p, checked=p in chosen) for p in params],
            )
        )
        args.parameter = list(picked)
    pairs = derivative_pairs(model)
    picked = _ask(
        q.checkbox(
            "Derivatives to compile (-d; none: forward only):",
            choices=[q.Choice(p, checked=p in args.derivative) for p in pairs],
        )
    )
    args.derivative = [":"] if ":" in picked else list(picked)
    args.rename_input, args.rename_output, args.rename_parameter = [], [], []
    if target == "model" and _ask(q.confirm("Rename inputs, outputs or parameters at the boundary?", default=False)):
        args.rename_input = _renames(q, "input", list(model.input_spec), args.rename_input)
        args.rename_output = _renames(q, "output", list(model.output_spec), args.rename_output)
        args.rename_parameter = _renames(q, "parameter", args.parameter, args.rename_parameter)
    args.output_dir = _ask(q.text("Output folder:", default=args.output_dir)).strip() or "aoti"
    return args


def interactive(args: argparse.Namespace) -> argparse.Namespace | None:
    """Ask, review, and return the arguments to compile with (``None``: nothing to run)."""
    from neml2.cli.aoti_compile import shell_command

    q = _questionary()
    try:
        while True:
            args = _prompt(q, args)
            args.interactive = False
            cmd = shell_command(args)
            print(f"\n  {cmd}\n")
            choice = _ask(q.select("Review:", choices=[RUN, EDIT, COPY, CANCEL], default=RUN))
            if choice == RUN:
                return args
            if choice == COPY:
                print(cmd)
                return None
            if choice == CANCEL:
                return None
    except KeyboardInterrupt:
        print("cancelled")
        return None
