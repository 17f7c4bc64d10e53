"""neml2-compile: export a model of an input file to AOTInductor artifacts (docs/aoti_artifacts.md).

``neml2-compile [--load PATH ...] INPUT.i (--model NAME | --driver NAME) [--output-dir DIR]
[--device DEV ...] [--dtype float64|float32] [-p/--parameter NAME ...] [-d/--derivative OUT:IN ...]
[--rename-input/--rename-output/--rename-parameter ORIG:NEW ...] [-q] [--no-stub] [-i]
[OVERRIDE ...]``

Writes ``DIR/NAME/metadata.json``, ``DIR/NAME/<device>/<dtype>/*.pt2`` and the stub input file
``DIR/NAME_aoti.i`` (an ``AOTIModel`` block, the Newton settings, and with ``--driver`` the driver
with its tensors).  Without ``-d`` only the evaluation graphs are compiled (``forward``); any
``-d`` pair adds the derivative graphs (``jvp`` / ``jacobian``).  The renames relabel the
compiled model's boundary (``--model`` only); ``-i`` asks for the options with prompts built from
the model (needs ``questionary``).
"""

from __future__ import annotations

import argparse
import os
import shlex
import time
from pathlib import Path
from typing import Any

import nmhit

from neml2.cli import EXIT_INPUT, add_load_argument, add_overrides_argument, error, load_extensions, read_input
from neml2.errors import InputError

PROG = "neml2-compile"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description="Compile a model of a neml2 input file with AOTInductor.")
    add_load_argument(p)
    p.add_argument("input", help="the input file (.i)")
    which = p.add_mutually_exclusive_group(required=False)
    which.add_argument("--model", help="the [Models] block to compile")
    which.add_argument("--driver", help="compile the model of this [Drivers] block (the stub then runs the driver)")
    p.add_argument("--output-dir", default="aoti", help="artifact root (default: ./aoti)")
    p.add_argument("--device", nargs="+", action="extend", default=None, help="devices to compile for (default: cpu)")
    p.add_argument("--dtype", choices=("float64", "float32"), default="float64")
    p.add_argument(
        "-p",
        "--parameter",
        nargs="+",
        action="extend",
        default=[],
        metavar="NAME",
        help="keep a parameter as a runtime input (E or elasticity.E); others are baked",
    )
    p.add_argument(
        "-d",
        "--derivative",
        nargs="+",
        action="extend",
        default=[],
        metavar="OUT:IN",
        help="derivative pairs (':' for all): also compile the graphs of jvp / jacobian",
    )
    p.add_argument("-j", "--jobs", type=int, default=None, help="segments compiled in parallel (default: one per core)")
    p.add_argument("--force", action="store_true", help="recompile even if the artifacts are up to date")
    for kind in ("input", "output", "parameter"):
        p.add_argument(
            f"--rename-{kind}",
            action="append",
            default=[],
            metavar="ORIG:NEW",
            help=f"rename a{'n' if kind != 'parameter' else ''} {kind} at the compiled model's boundary "
            f"(repeatable; --model only{'; ORIG is a -p name' if kind == 'parameter' else ''})",
        )
    p.add_argument("-q", "--quiet", action="store_true", help="no per-file progress (the summary and errors remain)")
    p.add_argument("--no-stub", action="store_true", help="do not write the NAME_aoti.i stub input file")
    p.add_argument(
        "-i",
        "--interactive",
        action="store_true",
        help="choose the options with prompts built from the model, then review (needs questionary)",
    )
    add_overrides_argument(p, "Models/elasticity/coefficients:='210e3 0.3'")
    return p


def _reclaim_overrides(args: argparse.Namespace) -> None:
    """Trailing HIT overrides swallowed by a list option (``-d : Models/m/E:=1``) go back to the
    overrides: no device, parameter name or derivative pair contains ``=``."""
    for attr in ("device", "parameter", "derivative"):
        values = getattr(args, attr)
        if values:
            setattr(args, attr, [v for v in values if "=" not in v])
            args.overrides += [v for v in values if "=" in v]


def parse_renames(args: argparse.Namespace) -> dict[str, dict[str, str]]:
    """``--rename-*`` ``ORIG:NEW`` tokens -> ``{"inputs" | "outputs" | "parameters": {orig: new}}``."""
    out: dict[str, dict[str, str]] = {}
    for kind in ("input", "output", "parameter"):
        for tok in getattr(args, f"rename_{kind}"):
            orig, sep, new = tok.partition(":")
            if not sep or not orig or not new:
                raise InputError(f"--rename-{kind} {tok!r} must be ORIG:NEW (e.g. strain:eps)")
            out.setdefault(kind + "s", {})
            if orig in out[kind + "s"]:
                raise InputError(f"--rename-{kind}: '{orig}' is renamed twice")
            out[kind + "s"][orig] = new
    return out


def _driver_model(factory: Any, name: str) -> str:
    node = factory.blocks["Drivers"].get(name)
    if node is None:
        raise InputError(f"no block named '{name}' in [Drivers]; defined: {', '.join(factory.blocks['Drivers'])}")
    field = node.find("model")
    if field is None:
        raise InputError("the driver has no 'model' option", block=f"Drivers/{name}", file=factory.path)
    return field.param_str()


def _solver_block(meta: dict[str, Any]) -> str:
    from neml2.solvers.newton_config import NewtonConfig

    return NewtonConfig.from_metadata(meta["solver"]).hit_block("aoti_newton")


def write_stub(
    path: Path,
    model: str,
    meta: dict[str, Any],
    source: Path,
    driver: str | None = None,
    overrides: list[str] | None = None,
) -> None:
    """The input file running the artifact: an AOTIModel block (+ Newton settings, + the driver, with
    the command line's HIT overrides applied to what it copies)."""
    implicit = any(s["kind"] == "implicit" for s in meta["stages"])
    rel = os.path.relpath(path.parent / model, path.parent)
    text = [f"# Generated by neml2-compile from {source} (model '{model}').", ""]
    if driver is not None:
        post = [o if ":=" in o else o.replace("=", ":=", 1) for o in overrides or []]
        root = nmhit.parse_file(str(source), post=post)
        top = [c.render() for c in root.children(nmhit.NodeType.Field)]
        if top:
            text += top + [""]
        for sec in ("Settings", "Tensors", "Data"):
            node = root.find(sec)
            if node is not None:
                text.append(node.render())
        dnode = root.find(f"Drivers/{driver}")
        drv = dnode.render().splitlines()
        text += ["[Drivers]"] + ["  " + ln for ln in drv] + ["[]", ""]
    text += [
        "[Models]",
        f"  [{model}]",
        "    type = AOTIModel",
        f"    artifact_path = '{rel}'",
    ]
    if implicit:
        text.append("    solver = 'aoti_newton'")
    text += ["  []", "[]", ""]
    if implicit:
        text.append(_solver_block(meta))
    path.write_text("\n".join(text))


def command(args: argparse.Namespace) -> list[str]:
    """The plain ``neml2-compile`` command line equivalent to ``args``."""
    cmd = ["neml2-compile"]
    for p in args.load:
        cmd += ["--load", p]
    cmd.append(args.input)
    cmd += ["--model", args.model] if args.model else ["--driver", args.driver]
    if args.output_dir != "aoti":
        cmd += ["--output-dir", args.output_dir]
    for d in args.device or []:
        cmd += ["--device", d]
    if args.dtype != "float64":
        cmd += ["--dtype", args.dtype]
    for p in args.parameter:
        cmd += ["-p", p]
    for d in args.derivative:
        cmd += ["-d", d]
    for kind in ("input", "output", "parameter"):
        for tok in getattr(args, f"rename_{kind}"):
            cmd += [f"--rename-{kind}", tok]
    if args.jobs is not None:
        cmd += ["-j", str(args.jobs)]
    for flag in ("force", "quiet", "no_stub"):
        if getattr(args, flag):
            cmd.append("--" + flag.replace("_", "-"))
    return cmd + list(args.overrides)


def main(argv: list[str] | None = None) -> int:
    from neml2.aoti.export import compile_file

    p = parser()
    args = p.parse_intermixed_args(argv)
    _reclaim_overrides(args)
    if not (args.model or args.driver or args.interactive):
        p.error("one of the arguments --model --driver is required (or -i to choose)")
    try:
        load_extensions(args.load)
        if args.interactive:
            from neml2.cli.aoti_interactive import interactive

            args = interactive(args)
            if args is None:  # the review ended without running
                return 0
        if args.jobs is not None and args.jobs < 1:
            raise InputError(f"--jobs must be >= 1, got {args.jobs}")
        renames = parse_renames(args)
        if renames and args.driver:
            raise InputError(
                "--rename-input/--rename-output/--rename-parameter need --model: the bundled driver "
                "is wired to the original names"
            )
        factory = read_input(args.input, args.overrides)
        model = args.model or _driver_model(factory, args.driver)
        if not factory.has_model(model):
            raise InputError(f"no block named '{model}' in [Models]; defined: {', '.join(factory.blocks['Models'])}")
        start = time.perf_counter()
        res = compile_file(
            args.input,
            model,
            args.output_dir,
            devices=args.device or ["cpu"],
            dtype=args.dtype,
            parameters=args.parameter,
            derivatives=args.derivative,
            force=args.force,
            jobs=args.jobs,
            log=None if args.quiet else print,
            overrides=args.overrides,
            renames=renames,
        )
        stub = None if args.no_stub else Path(args.output_dir) / f"{model}_aoti.i"
        if stub is not None:
            write_stub(stub, model, res.metadata, Path(args.input), args.driver, args.overrides)
    except (InputError, nmhit.Error) as e:
        error(PROG, str(e))
        return EXIT_INPUT
    wall = time.perf_counter() - start
    what = "reused" if res.skipped else f"compiled in {wall:.1f} s"
    print(f"{res.meta_path} ({what})" + (f"; stub {stub}" if stub is not None else ""))
    return 0


def shell_command(args: argparse.Namespace) -> str:
    """``command(args)`` quoted for a POSIX shell."""
    return shlex.join(command(args))


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
