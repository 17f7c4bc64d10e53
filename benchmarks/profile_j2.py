"""Profile one implicit J2 step: where the time goes (Python vs ATen kernels, ops, Newton work).

Usage: ``python benchmarks/profile_j2.py [--n 100000] [--threads 1] [--top 25] [--device cpu]``

Prints (1) wall time, Newton iterations and residual/Jacobian evaluations, (2) the
torch.profiler table of ATen ops by self time with call counts, (3) the kernel share of
the wall time (the rest is Python / dispatch), (4) cProfile's top Python functions by
own time and the time spent per framework phase (solver, model evaluation, chain rule).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import Case, j2_neml2, sync  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=100_000)
    p.add_argument("--threads", type=int, default=None)
    p.add_argument("--top", type=int, default=25)
    p.add_argument("--device", default="cpu")
    p.add_argument("--reps", type=int, default=5)
    args = p.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    device = torch.device(args.device)
    runner = j2_neml2(Case(args.n, device))
    runner.call()
    times = []
    for _ in range(args.reps):
        t0 = time.perf_counter()
        runner.call()
        sync(device)
        times.append(time.perf_counter() - t0)
    wall = statistics.median(times)
    st = runner.stats()
    print(f"N={args.n} threads={torch.get_num_threads()} device={device}")
    print(f"wall {wall * 1e3:.1f} ms/step (best {min(times) * 1e3:.1f}) = {wall / args.n * 1e6:.2f} us/pt; {st}")

    # ---- ATen ops
    acts = [torch.profiler.ProfilerActivity.CPU]
    if device.type == "cuda":
        acts.append(torch.profiler.ProfilerActivity.CUDA)
    with torch.profiler.profile(activities=acts) as prof:
        t0 = time.perf_counter()
        runner.call()
        sync(device)
        pwall = time.perf_counter() - t0
    events = prof.key_averages()
    sort = "self_cuda_time_total" if device.type == "cuda" else "self_cpu_time_total"
    print(events.table(sort_by=sort, row_limit=args.top))
    kernel_us = sum(e.self_cpu_time_total for e in events)
    n_ops = sum(e.count for e in events if e.key.startswith("aten::"))
    print(
        f"profiled wall {pwall * 1e3:.1f} ms; ATen self time {kernel_us / 1e3:.1f} ms "
        f"({kernel_us / 1e3 / (pwall * 1e3):.0%} of wall); {n_ops} aten op calls "
        f"({n_ops / max(st['evals'], 1):.0f} per evaluation)"
    )

    # ---- Python
    pr = cProfile.Profile()
    pr.enable()
    runner.call()
    pr.disable()
    stats = pstats.Stats(pr)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(r"neml2/(models|solvers|types)", args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
