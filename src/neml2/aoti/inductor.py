"""torch.export + AOTInductor packaging of the segments: the inductor settings and the parallel
compile in forked workers (one per core)."""

from __future__ import annotations

import contextlib
import json
import os
import time
import warnings
from pathlib import Path
from typing import Any

import torch

from neml2.aoti.segments import Segment
from neml2.errors import InputError


def inductor_options() -> dict[str, Any]:
    """Inductor settings of every segment: portable kernels (no ``-march=native``, no explicit
    vector ISA), a quick ``-O1`` wrapper without line tables, tensor constants kept as buffers
    (inlining 0-d parameters as scalars trips a lowering bug on ``reshape``), and OpenMP loops that
    take the thread count of the process running them (without ``dynamic_threads`` a kernel bakes
    in the compiling process's count: 1 in the parallel compile workers, a serial artifact).
    A pointwise intermediate read by more than one consumer is stored, not recomputed in each: the
    dual-number graphs of a crystal step share many terms, and stored they run about 22% faster
    at 10^3-10^5 points (about 7% slower at N = 3; benchmarks/crystal.py)."""
    return {
        "cpp.march": "",
        "cpp.vec_isa_ok": False,
        "max_autotune": False,
        "aot_inductor.compile_wrapper_opt_level": "O1",
        "aot_inductor.precompile_headers": True,
        "aot_inductor.debug_compile": False,
        "aot_inductor.check_lowerbound": False,
        "aot_inductor.enable_line_tables": False,
        "always_keep_tensor_constants": True,
        "cpp.dynamic_threads": True,
        "realize_reads_threshold": 1,
    }


def _compile_segment(
    seg: Segment, example: list[torch.Tensor], path: Path, meta: dict[str, str]
) -> tuple[float, float]:
    """torch.export (dynamic N shared by all tensor inputs) + AOTInductor packaging; returns timings."""
    import torch._inductor

    n_in = seg.n_in
    batch = torch.export.Dim("batch", min=1)
    shapes = tuple({0: batch} if i < n_in else None for i in range(len(example)))
    with warnings.catch_warnings():  # torch-internal deprecation noise
        warnings.filterwarnings("ignore", category=FutureWarning, message=".*LeafSpec.*")
        warnings.filterwarnings("ignore", category=DeprecationWarning, message=".*torch.jit.*")
        t0 = time.perf_counter()
        ep = torch.export.export(seg, tuple(example), dynamic_shapes=(shapes,), strict=False)
        t1 = time.perf_counter()
        opts = inductor_options()
        opts["aot_inductor.metadata"] = meta
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.stem + ".tmp.pt2")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        torch._inductor.aoti_compile_and_package(ep, package_path=str(tmp), inductor_configs=opts)
    os.replace(tmp, path)
    return t1 - t0, time.perf_counter() - t1


Job = tuple[Segment, list[torch.Tensor], Path, dict[str, str]]
_ERROR_CHARS = 8000  # a child's error text, kept well below a pipe's buffer


def compile_segments(jobs: list[Job], workers: int | None = None) -> list[tuple[float, float]]:
    """Compile every job (``_compile_segment``), ``workers`` at a time in forked children (default:
    one per core; serial without ``os.fork`` or for a single job).  Returns the timings in order;
    the first failure is raised in the parent once every child has finished."""
    import torch._inductor  # noqa: F401  (imported once, shared by the children)

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    workers = max(1, min(workers or cores, len(jobs)))
    if workers == 1 or not hasattr(os, "fork"):
        return [_compile_segment(*job) for job in jobs]
    results: dict[int, tuple[float, float]] = {}
    errors: list[tuple[int, str, str]] = []
    running: dict[int, tuple[int, int]] = {}  # pid -> (job, read end of its pipe)
    pending = list(range(len(jobs)))
    while pending or running:
        while pending and len(running) < workers:
            i = pending.pop(0)
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child (coverage does not follow forks)
                code = 1
                try:  # whatever happens, the child ends here and never returns into the parent's code
                    os.close(r)
                    try:
                        torch.set_num_threads(1)
                        msg, code = json.dumps({"timings": _compile_segment(*jobs[i])}), 0
                    except BaseException as e:  # noqa: BLE001 - reported to the parent
                        msg = json.dumps({"type": type(e).__name__, "error": str(e)[-_ERROR_CHARS:]})
                    with os.fdopen(w, "w") as fh:
                        fh.write(msg)
                finally:
                    os._exit(code)
            os.close(w)
            running[pid] = (i, r)
        done = [pid for pid in running if os.waitpid(pid, os.WNOHANG)[0] == pid]
        if not done:
            time.sleep(0.02)
        for pid in done:
            i, r = running.pop(pid)
            with os.fdopen(r) as fh:
                text = fh.read()
            try:
                msg = json.loads(text)
            except ValueError:
                msg = {"type": "RuntimeError", "error": "the compile worker died without a result"}
            if "timings" in msg:
                results[i] = tuple(msg["timings"])
            else:
                errors.append((i, msg["type"], msg["error"]))
    if errors:
        i, kind, err = min(errors)
        where = f"compiling {jobs[i][2].name}"
        raise (InputError if kind == "InputError" else RuntimeError)(f"{where}: {err}")
    return [results[i] for i in range(len(jobs))]
