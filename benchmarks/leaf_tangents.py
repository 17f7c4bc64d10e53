"""Per-leaf tangent cost: a leaf's hand-written ``Local`` partials vs dual numbers (neml2.models.dual).

Usage: ``python benchmarks/leaf_tangents.py [--sizes 3 100000] [--budget 0.5] [--threads 1]``

Every leaf of the J2 benchmark model (benchmarks/j2_viscoplasticity.i) and the other leaves that
return ``Local`` (copy, conversion, mixed control, Macaulay split, min map, static recovery) is
called with ``v=`` (identity seeds on all its inputs) through its own ``forward`` and through
:func:`dual_call`; the table is the median time per call and the ratio. The two routes are checked
to agree first. The leaves that keep ``Local`` partials cite this figure (README, "Adding a model").
"""

from __future__ import annotations

import argparse
import math
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

import torch
from bench_harness import timeit

import neml2
from neml2.models.chain_rule import Local, seeds
from neml2.models.dual import dual_call
from neml2.types import TensorWrapper

CPU = torch.device("cpu")
J2 = Path(__file__).resolve().parent / "j2_viscoplasticity.i"
J2_LEAVES = [
    "isoharden", "elastic_strain", "elasticity", "mandel_stress", "vonmises", "yield_fn",
    "flow_rate", "eprate", "Eprate", "integrate_ep", "integrate_Ep",
]  # fmt: skip
LINEAR = """
[Models]
  [copy]
    type = CopySR2
    from = 'a'
    to = 'b'
  []
  [sr2_to_r2]
    type = SR2ToR2
    input = 'a'
    output = 'b'
  []
  [mixed_control]
    type = MixedControlSetup
  []
  [macaulay]
    type = MacaulaySplit
    from = 'a'
    to_positive = 'p'
    to_negative = 'q'
  []
  [min_map]
    type = MinMapComplementarity
  []
  [iso_recovery]
    type = PowerLawIsotropicHardeningStaticRecovery
    tau = 10
    n = 2
  []
  [kin_recovery]
    type = PowerLawKinematicHardeningStaticRecovery
    tau = 10
    n = 2
  []
[]
"""
OTHER_LEAVES = ["copy", "sr2_to_r2", "mixed_control", "macaulay", "min_map", "iso_recovery", "kin_recovery"]


def _median_us(fn: Callable[[], Any], budget: float) -> float:
    return statistics.median(timeit(fn, CPU, budget_s=budget, min_reps=5)) * 1e6


def _leaves(models: Any, names: list[str]) -> dict[str, Any]:
    """The named models that are leaves returning ``Local`` partials."""
    out = {}
    for name in names:
        m = models.get_model(name)
        if getattr(m, "_DIRECT", False):
            continue
        args = [t(torch.rand(2, *t.BASE_SHAPE, dtype=torch.float64) + 0.5) for t in m.input_spec.values()]
        res = m.forward(*m._wrap_inputs(args))
        locs = (res,) if isinstance(res, (Local, TensorWrapper)) else tuple(res)
        if any(isinstance(x, Local) for x in locs):
            out[name] = m
    return out


def _inputs(m: Any, n: int) -> tuple[list[TensorWrapper], dict[str, dict[str, TensorWrapper]]]:
    types = list(m.input_spec.values())
    total = sum(math.prod(t.BASE_SHAPE) for t in types)
    gen = torch.Generator().manual_seed(0)
    args = [t(torch.rand(n, *t.BASE_SHAPE, generator=gen, dtype=torch.float64) + 0.5) for t in types]
    v, off = {}, 0
    for name, t in m.input_spec.items():
        v[name] = {"x": seeds(t, total=total, offset=off, dtype=torch.float64, device="cpu")}
        off += math.prod(t.BASE_SHAPE)
    return args, v


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[3, 100000])
    ap.add_argument("--budget", type=float, default=0.5, help="seconds per timing")
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    j2 = neml2.load_input(J2)
    linear = neml2.load_string(LINEAR)
    leaves = {**_leaves(j2, J2_LEAVES), **_leaves(linear, OTHER_LEAVES)}
    print(f"# leaf tangents, hand-written Local vs dual numbers (torch_threads={a.threads}, float64, cpu)")
    print(f"{'leaf':>16s} {'type':>38s} {'N':>7s} {'hand us':>10s} {'dual us':>10s} {'dual/hand':>9s}")
    for name, m in leaves.items():
        for n in a.sizes:
            args, v = _inputs(m, n)
            hand, dual = m(*args, v=v), dual_call(m, *args, v=v)
            for h, d in zip(hand[-1].values(), dual[-1].values()):
                for key in h:
                    hd, dd = h[key], d[key]
                    batch = (n, *hd.sub_batch_shape)
                    torch.testing.assert_close(dd.batch_expand(batch).data, hd.batch_expand(batch).data)
            th = _median_us(lambda: m(*args, v=v), a.budget)
            td = _median_us(lambda: dual_call(m, *args, v=v), a.budget)
            print(f"{name:>16s} {type(m).__name__:>38s} {n:7d} {th:10.1f} {td:10.1f} {td / th:9.2f}")


if __name__ == "__main__":
    main()
