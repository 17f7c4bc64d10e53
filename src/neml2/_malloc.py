"""Keep large tensor allocations on the heap (glibc) so they are reused instead of page-faulted anew.

PyTorch's CPU allocator hands every large block to ``malloc``; glibc serves blocks above
its mmap threshold with fresh ``mmap`` pages and unmaps them on free, so each new
(K, N, 6) tangent at N = 1e5 pays page faults on first touch: element-wise ops ran
~10x slower than memory bandwidth allows.  Raising the mmap and trim thresholds makes
freed blocks reusable.  Set ``NEML2_MALLOPT=0`` to leave the allocator alone.
"""

from __future__ import annotations

import ctypes
import os
import sys

_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3


def tune_malloc() -> bool:
    """Apply the thresholds once per process; True when applied."""
    if os.environ.get("NEML2_MALLOPT", "1") == "0" or not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return False
    ok = libc.mallopt(_M_MMAP_THRESHOLD, 1 << 30) == 1
    ok &= libc.mallopt(_M_TRIM_THRESHOLD, (1 << 31) - 1) == 1
    return bool(ok)


APPLIED = tune_malloc()
