"""Peak memory of one call, measured in a fresh ``run.py --_memprobe`` subprocess per batch size."""

from __future__ import annotations

import ctypes
import json
import subprocess
import sys
from typing import Any

import torch
from bench_harness import HERE, Case, sync
from bench_routes import ROUTE_TABLES


def peak_memory_here(kind: str, route: str, n: int, device: torch.device) -> dict[str, Any]:
    """Peak memory of one call above the live memory just before it (run in a fresh process)."""
    routes = {r.name: r for r in ROUTE_TABLES[kind]}
    with torch.no_grad():  # one-time costs (lazy imports, library work buffers) are not per-point memory
        routes[route].setup(Case(8, device)).call()
    runner = routes[route].setup(Case(n, device))
    import gc

    gc.collect()
    if device.type == "cuda":
        sync(device)
        torch.cuda.reset_peak_memory_stats(device)
        base = torch.cuda.memory_allocated(device)
        with torch.no_grad():
            runner.call()
        sync(device)
        return {"bytes": torch.cuda.max_memory_allocated(device) - base, "method": "cuda.max_memory_allocated"}
    import resource

    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)  # give freed set-up temporaries back first
    except OSError:
        pass
    try:  # reset the high-water mark to the current RSS (Linux); else fall back to the plain maxrss delta
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
        base, method = _status_kb("VmRSS"), "VmHWM - VmRSS before the call (HWM reset via clear_refs)"
    except OSError:
        base, method = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "maxrss delta"
    with torch.no_grad():
        runner.call()
    try:  # VmHWM, not ru_maxrss: after fork + exec, ru_maxrss also counts the parent's RSS at fork time
        peak = _status_kb("VmHWM")
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"bytes": max(peak - base, 0) * 1024, "method": method}


def _status_kb(key: str) -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    raise OSError(key)


def peak_memory(kind: str, route: str, n: int, device: torch.device) -> dict[str, Any] | None:
    cmd = [
        sys.executable,
        str(HERE / "run.py"),
        "--_memprobe",
        kind,
        route,
        str(n),
        "--device",
        str(device),
        "--threads",
        str(torch.get_num_threads()),
    ]
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=1800, check=True).stdout
    except (subprocess.SubprocessError, OSError) as e:
        print(f"   (memory probe failed at N={n}: {e})", file=sys.stderr)
        return None
    return json.loads(out.strip().splitlines()[-1])
