"""The plumbing of benchmarks/run.py: paths and constants, a benchmark point (``Case``), a timed call
(``Runner``) and a way of evaluating a model (``Route``), timing, number formatting and tables."""

from __future__ import annotations

import math
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

HERE = Path(__file__).resolve().parent
AOTI_ROOT = HERE.parent / "results" / "bench_aoti"  # compiled models (reused while unchanged)
CPP_BUILD = HERE.parent / "results" / "bench_cpp_build"
ELASTICITY_INPUT = HERE / "elasticity.i"
J2_INPUT = HERE / "j2_viscoplasticity.i"
DTYPE = torch.float64
E_MOD, NU = 1e5, 0.3
DT = 0.01  # time step of the single J2 step and of the transient
YIELD_FRACTION = 0.9  # share of points loaded past yield in the single J2 step


@dataclass
class Case:
    """One benchmark point: batch size, device, dtype."""

    n: int
    device: torch.device
    dtype: torch.dtype = DTYPE


@dataclass
class Runner:
    """A zero-argument call that evaluates the model once, plus optional statistics of the last call;
    or, for a route timed outside this process, ``external(budget_s) -> (median s, best s, calls)``."""

    call: Callable[[], Any] | None
    stats: Callable[[], dict[str, Any]] = field(default=lambda: {})
    external: Callable[[float], tuple[float, float, int]] | None = None


@dataclass
class Route:
    """One way of evaluating a model (eager neml2, plain torch, compiled, C++ ...)."""

    name: str
    setup: Callable[[Case], Runner]


def sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def timeit(
    fn: Callable[[], Any],
    device: torch.device,
    *,
    budget_s: float,
    min_reps: int = 3,
    max_reps: int = 1000,
    warmup: int = 1,
) -> list[float]:
    """Wall times (s) of repeated calls after ``warmup`` calls, until ``budget_s`` is spent."""
    for _ in range(warmup):
        fn()
    sync(device)
    times: list[float] = []
    start = time.perf_counter()
    while len(times) < max_reps and (len(times) < min_reps or time.perf_counter() - start < budget_s):
        t0 = time.perf_counter()
        fn()
        sync(device)
        times.append(time.perf_counter() - t0)
    return times


def measure(runner: Runner, device: torch.device, *, budget_s: float, **kw: Any) -> tuple[float, float, int]:
    """(median s, best s, calls) of the runner's call, timed here or by the external route."""
    if runner.external is not None:
        return runner.external(budget_s)
    with torch.no_grad():
        times = timeit(runner.call, device, budget_s=budget_s, **kw)
    return statistics.median(times), min(times), len(times)


def fmt(x: float | None, digits: int = 3) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    if x == 0:
        return "0"
    if abs(x) >= 10**digits or abs(x) < 10 ** -(digits - 1):
        return f"{x:.{digits - 1}e}"
    return f"{x:.{max(digits - 1 - int(math.floor(math.log10(abs(x)))), 0)}f}"


def print_table(
    title: str,
    env: str,
    header: list[str],
    rows: list[list[str]],
    notes: list[str] = (),
    empty: str = "(no sizes within --max-batch)",
) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    print(f"\n## {title}")
    print(f"   {env}")
    print("  ".join(h.rjust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)))
    if not rows:
        print(empty)
    for n in notes:
        print(f"   note: {n}")
    sys.stdout.flush()


def environment(device: torch.device) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else f"{os.cpu_count()} cores"
    return (
        f"device={device} ({name}) dtype={str(DTYPE).replace('torch.', '')} "
        f"torch_threads={torch.get_num_threads()} torch={torch.__version__} load_avg_1min={load:.2f}"
    )
