"""Eager J2 step: hand-written chain rule vs tangents by dual numbers (neml2.models.dual).

Usage: ``python benchmarks/dual_mechanism.py [--sizes 3 100000] [--budget 2] [--threads 1]``

The dual route is switched on here only, by routing every value leaf's tangent call
(``Model._dispatch`` with ``v`` / ``v2`` / ``vh``) through :func:`neml2.models.dual.dual_call`;
the library's default path is untouched.  Both routes are checked to agree before timing:
the stress of the implicit step and its consistent tangent ``d stress / d strain``.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
import run as bench  # noqa: E402  (benchmarks/run.py: the J2 input and its inputs)

from neml2.models.dual import dual_call  # noqa: E402
from neml2.models.model import Model  # noqa: E402


@contextlib.contextmanager
def dual_tangents() -> Iterator[None]:
    """Within the block, value leaves get their tangents from dual numbers, not their ``Local`` actions."""
    orig = Model._dispatch

    def dispatch(self: Model, args: tuple, v: Any, v2: Any, vh: Any) -> Any:
        if self._DIRECT or (v is None and v2 is None and vh is None):
            return orig(self, args, v, v2, vh)
        return dual_call(self, *args, v=v, v2=v2, vh=vh)

    Model._dispatch = dispatch  # type: ignore[method-assign]
    try:
        yield
    finally:
        Model._dispatch = orig  # type: ignore[method-assign]


def _sr2_invariant_value(self: Any, A: Any) -> Any:
    """SR2Invariant as its value only (the derivative helper ``N = c S / s`` is not computed)."""
    kind = self.options["invariant_type"].upper()
    if kind == "I1":
        return A.tr()
    if kind == "I2":
        return 0.5 * (A.tr() * A.tr() - A.inner(A))
    c = 1.5 if kind == "VONMISES" else 2.0 / 3.0
    return (c * A.dev().norm_sq() + 1e-30).sqrt()


def _perzyna_value(self: Any, f: Any, *nl: Any) -> Any:
    """PerzynaPlasticFlowRate as its value only (no ``drate`` / ``log x`` helpers)."""
    p = self.params(nl)
    return (f.macaulay() / p.reference_stress) ** p.exponent


@contextlib.contextmanager
def value_only_leaves() -> Iterator[None]:
    """The J2 leaves whose ``forward`` also computes derivative helpers, as value expressions only
    (what the leaves look like once the dual route is the default)."""
    from neml2.models.common.sr2_invariant import SR2Invariant
    from neml2.models.solid_mechanics.plasticity.perzyna_plastic_flow_rate import PerzynaPlasticFlowRate

    saved = {SR2Invariant: SR2Invariant.forward, PerzynaPlasticFlowRate: PerzynaPlasticFlowRate.forward}
    SR2Invariant.forward = _sr2_invariant_value  # type: ignore[method-assign]
    PerzynaPlasticFlowRate.forward = _perzyna_value  # type: ignore[method-assign]
    try:
        yield
    finally:
        for cls, fwd in saved.items():
            cls.forward = fwd  # type: ignore[method-assign]


def step(n: int, jacobian: bool) -> tuple[Any, Any]:
    """A J2 step call (optionally with d stress / d strain by 6 identity seeds) and its zero-arg runner."""
    from neml2.types import SR2

    case = bench.Case(n, torch.device("cpu"))
    model = bench.load(bench.J2_INPUT, "model", case.device)
    by_name = bench.j2_inputs(case)
    args = [by_name[k] for k in model.input_spec]
    seeds = {"strain": {"strain": SR2(torch.eye(6, dtype=case.dtype), k_ndim=1)}}

    def call() -> Any:
        with torch.no_grad():
            return model(*args, v=seeds) if jacobian else model(*args)

    return model, call


def timed(call: Any, budget: float) -> tuple[float, float, int]:
    times = bench.timeit(call, torch.device("cpu"), budget_s=budget, min_reps=2, max_reps=200)
    return statistics.median(times), min(times), len(times)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", type=int, nargs="+", default=[3, 100_000])
    p.add_argument("--budget", type=float, default=2.0, help="seconds of timed calls per entry")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--value-only", action="store_true", help="dual route on value-only SR2Invariant / Perzyna")
    args = p.parse_args()
    torch.set_num_threads(args.threads)
    print(f"# eager J2 step, hand-written vs dual tangents ({bench.environment(torch.device('cpu'))})")
    print(f"{'N':>8} {'call':>10} {'hand med ms':>12} {'dual med ms':>12} {'dual/hand':>10} {'reps':>9}")
    for n in args.sizes:
        for jac in (False, True):
            _, hand = step(n, jac)
            ref = hand()
            with dual_tangents(), value_only_leaves() if args.value_only else contextlib.nullcontext():
                _, dual = step(n, jac)
                got = dual()
                for a, b in zip(ref if isinstance(ref, tuple) else (ref,), got if isinstance(got, tuple) else (got,)):
                    if isinstance(a, dict):
                        da, db = a["stress"]["strain"].data, b["stress"]["strain"].data
                    else:
                        da, db = a.data, b.data
                    torch.testing.assert_close(db, da, rtol=1e-10, atol=1e-10)
                td = timed(dual, args.budget)
            th = timed(hand, args.budget)
            kind = "jvp" if jac else "value"
            reps = f"{th[2]}/{td[2]}"
            print(f"{n:>8} {kind:>10} {th[0] * 1e3:>12.3f} {td[0] * 1e3:>12.3f} {td[0] / th[0]:>10.2f} {reps:>9}")


if __name__ == "__main__":
    main()
