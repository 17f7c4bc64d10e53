"""Speed benchmarks of neml2: import time, elasticity, the implicit J2 step, a transient, tiny batches.

Usage: ``python benchmarks/run.py [--quick] [--device cpu|cuda] [--max-batch N] [--sections ...]``

Each benchmarked model has a list of *routes* (ways of evaluating the same equations:
``neml2`` eager, a hand-written ``torch`` baseline, ``compiled`` (the C++ runtime through its
Python binding), ``C++`` (a pure C++ host, benchmarks/cpp)); every
table gets one column group per route.  A route is a ``setup(case) -> Runner`` function;
add one to a model's list and it shows up in the tables.  Timings are medians (and
best) of repeated calls after a warm-up; everything runs under ``torch.no_grad()``.
Peak memory of the J2 step is measured in a fresh subprocess per batch size.
On a small or shared machine prefer ``--threads 1``: intra-op threads that must wake up
between the short ops of an eager model make timings erratic (see PROFILE.md).

The parts live beside this script: ``bench_harness`` (cases, timing, tables), ``bench_routes`` (the
models and their routes), ``bench_memory`` (the peak-memory probe) and ``bench_sections`` (the
tables); the names the other benchmark scripts use are importable from here.
"""

from __future__ import annotations

import argparse
import json
import sys

import torch
from bench_harness import J2_INPUT, Case, Runner, environment, fmt, measure, print_table, sync, timeit
from bench_memory import peak_memory_here
from bench_routes import j2_inputs, j2_neml2, load
from bench_sections import SECTIONS

__all__ = [  # the names crystal.py, dual_mechanism.py and profile_j2.py import from here
    "J2_INPUT",
    "Case",
    "Runner",
    "environment",
    "fmt",
    "j2_inputs",
    "j2_neml2",
    "load",
    "main",
    "measure",
    "print_table",
    "sync",
    "timeit",
]


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="small sizes only (smoke run)")
    p.add_argument("--device", default="cpu", help="cpu or cuda (default cpu)")
    p.add_argument("--max-batch", type=int, default=None, help="skip batch sizes above this")
    p.add_argument("--sections", default=",".join(SECTIONS), help=f"comma-separated subset of {','.join(SECTIONS)}")
    p.add_argument("--budget", type=float, default=None, help="seconds per timing (default 2, quick 0.2)")
    p.add_argument("--threads", type=int, default=None, help="torch.set_num_threads")
    p.add_argument("--no-memory", action="store_true", help="skip the peak-memory subprocesses")
    p.add_argument("--recompile", action="store_true", help="compile the models afresh (section compile)")
    p.add_argument("--_memprobe", nargs=3, metavar=("KIND", "ROUTE", "N"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    if device.type == "cuda" and not torch.cuda.is_available():
        p.error("--device cuda: torch.cuda.is_available() is False")
    if args._memprobe:
        kind, route, n = args._memprobe
        print(json.dumps(peak_memory_here(kind, route, int(n), device)))
        return 0
    if args.budget is None:
        args.budget = 0.2 if args.quick else 2.0
    unknown = [s for s in args.sections.split(",") if s not in SECTIONS]
    if unknown:
        p.error(f"unknown sections {unknown}; choose from {list(SECTIONS)}")
    args.results = {}
    print(f"# neml2 benchmarks ({'quick' if args.quick else 'full'}); {environment(device)}")
    for name in args.sections.split(","):
        SECTIONS[name](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
