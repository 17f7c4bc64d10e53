"""neml2-run: run a driver of an input file.

``neml2-run [--load PATH ...] INPUT DRIVER [--device DEV] [--dtype float64|float32] [OVERRIDE ...]``,
where an override is a HIT assignment such as ``Drivers/driver/save_as:=other.pt`` or ``nbatch=64``.
Silent on success (exit 0): drivers print their own progress, ``NEML2_LOGS`` the library's.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import torch

from neml2.cli import EXIT_INPUT, add_load_argument, add_overrides_argument, error, load_extensions, read_input
from neml2.errors import ConvergenceError, InputError
from neml2.placement import cast

PROG = "neml2-run"
DTYPES = {"float64": torch.float64, "float32": torch.float32}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=PROG, description="Run a driver of a neml2 input file (silent on success).")
    add_load_argument(p)
    p.add_argument("input", help="the input file (.i)")
    p.add_argument("driver", help="the name of the [Drivers] block to run")
    p.add_argument("--device", default=None, help="torch device, e.g. cpu or cuda:0 (default: torch's default)")
    p.add_argument("--dtype", choices=sorted(DTYPES), default=None, help="floating point type (default: float64)")
    add_overrides_argument(p, "Drivers/driver/save_as:=other.pt or nbatch=64")
    return p


def _device(name: str) -> torch.device:
    try:
        dev = torch.device(name)
    except RuntimeError as e:
        raise InputError(f"invalid device {name!r}: {e}") from None
    if dev.type == "cuda" and not torch.cuda.is_available():
        raise InputError(f"device {name!r} is not available (torch.cuda.is_available() is False)")
    return dev


def _prepare(args: argparse.Namespace) -> Any:
    """Load the input file under the requested device / dtype and build the driver."""
    from neml2 import settings

    load_extensions(args.load)
    device = _device(args.device) if args.device else None
    dtype = DTYPES[args.dtype] if args.dtype else None
    if device is not None:
        torch.set_default_device(device)
    if dtype is not None:
        torch.set_default_dtype(dtype)
        settings.set_default_dtype(dtype)
    factory = read_input(args.input, args.overrides)
    if dtype is not None:  # the command line wins over [Settings]
        settings.set_default_dtype(dtype)
    driver = factory.get_driver(args.driver)
    if device is not None or dtype is not None:
        cast(driver, device, dtype)
    save_as = getattr(driver, "options", {}).get("save_as")
    if save_as:
        Path(save_as).parent.mkdir(parents=True, exist_ok=True)
    return driver


@contextmanager
def _defaults_restored() -> Iterator[None]:
    """Keep torch's and neml2's process-wide defaults unchanged for callers of ``main``."""
    from neml2 import settings

    dtype, device, neml2_dtype = torch.get_default_dtype(), torch.get_default_device(), settings.default_dtype
    try:
        yield
    finally:
        torch.set_default_dtype(dtype)
        if torch.get_default_device() != device:
            torch.set_default_device(None if device.type == "cpu" else device)
        settings.set_default_dtype(neml2_dtype)


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_intermixed_args(argv)
    with _defaults_restored():
        try:
            driver = _prepare(args)
            with torch.no_grad():  # a run from the shell needs no autograd graph
                ok = driver.run()
        except (InputError, ConvergenceError) as e:
            error(PROG, str(e))
            return EXIT_INPUT
        except AssertionError as e:  # a regression / verification driver found differences
            error(PROG, str(e) or "check failed")
            return 1
    if ok is False:
        error(PROG, f"driver '{args.driver}' reported failure")
        return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
