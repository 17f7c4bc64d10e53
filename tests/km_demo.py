"""The optimization tutorials' Kocks-Mecking model (the docs' ``demo_model.i``): where it lies and
its rate-independent closed form, shared by the tests that run it (tests/ is on sys.path through
tests/conftest.py)."""

from __future__ import annotations

import math
from pathlib import Path

#: the docs' deterministic tutorial folder holds the same file as the optimization folder
DEMO = Path(__file__).resolve().parents[1].parent / "shared/spec/docs/tutorials/optimization/demo_model.i"
E = 1e5  # [elasticity] YOUNGS_MODULUS


def closed_form_310(eps: float) -> float:
    """Uniaxial stress at 310 K in the rate-independent regime: sigma = E (eps - ep) and, yielding,
    sigma = mu exp(C) + R (1 - exp(-d ep)) (mu, R, d interpolated at 310 K from the file's tables);
    bisection on ep."""
    mu = 76670.48346056 + (310.0 - 300.0) / (347.36842105 - 300.0) * (75465.18012589 - 76670.48346056)
    R = 300.0 + (310.0 - 300.0) / 300.0 * (200.0 - 300.0)
    d = 30.0 + (310.0 - 300.0) / 300.0 * (20.0 - 30.0)
    sy = mu * math.exp(-5.41)
    lo, hi = 0.0, eps
    for _ in range(200):
        ep = 0.5 * (lo + hi)
        if E * (eps - ep) > sy + R * (1.0 - math.exp(-d * ep)):
            lo = ep
        else:
            hi = ep
    return E * (eps - 0.5 * (lo + hi))
