"""Per-grain Newton Jacobians against dense ones: one Newton iteration (residual, Jacobian, linear
solve) of the mixed-control Taylor polycrystal of the crystal-plasticity calibration tutorial
(``structure = 'block dense'``: 10 unknowns per grain, 12 global ones), over the number of grains G.

Usage: ``python benchmarks/polycrystal_blocks.py [--points N] [--grains 10 50 100 ...]``

Prints ms per Newton iteration with the Jacobian kept per grain (neml2.solvers.site_blocks: blocks
``A (N, G, 10, 10)``, couplings ``B``, ``C``, ``D``) and seeded densely (``(N, 10 G + 12)^2``), and the
floats each stores. The dense route is skipped past ``--dense-max`` grains.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

import torch

import neml2
from neml2.models.common.system_evaluation import evaluate_blocks, evaluate_system
from neml2.types import MRP, SR2, WR2, Scalar

DOCS = Path(__file__).resolve().parents[2] / "shared/spec/docs"
PAGE = DOCS / "tutorials/optimization/crystal_plasticity_calibration/main.md"
F64 = torch.float64
GRAIN_UNKNOWNS = ("elastic_strain", "orientation", "slip_hardening")


def _system(G: int, folder: Path):
    cell = re.search(r"```python\n%%writefile model.i\n(.*?)```", PAGE.read_text(), re.S)
    assert cell is not None, "the tutorial's model cell"
    path = folder / "model.i"
    path.write_text(cell.group(1))
    sys = neml2.load_input(path).get_equation_system("eq_sys")
    sys.set_sub_batch_shapes({u: (G,) for u in GRAIN_UNKNOWNS})
    return sys


def _state(n: int, G: int) -> tuple[dict, torch.Tensor]:
    g = torch.Generator().manual_seed(1)

    def rnd(*s: int) -> torch.Tensor:
        return torch.randn(*s, generator=g, dtype=F64)

    control = torch.zeros(n, 6, dtype=F64)
    control[:, 2] = 1.0
    given = {
        "control": SR2(control),
        "prescribed": SR2(1e-4 * rnd(n, 6)),
        "vorticity": WR2(1e-5 * rnd(n, 3)),
        "t": Scalar(torch.full((n,), 5.0, dtype=F64)),
        "t~1": Scalar(torch.zeros(n, dtype=F64)),
        "elastic_strain~1": SR2(1e-3 * rnd(n, G, 6), sub_batch_ndim=1),
        "orientation~1": MRP(0.3 * rnd(n, G, 3), sub_batch_ndim=1),
        "slip_hardening~1": Scalar(5.0 * rnd(n, G).abs(), sub_batch_ndim=1),
        "deformation_rate~1": SR2(1e-4 * rnd(n, 6)),
        "target_cauchy_stress~1": SR2(10.0 * rnd(n, 6)),
    }
    x = torch.cat([1e-3 * rnd(n, 6 * G), 0.3 * rnd(n, 3 * G), 5 * rnd(n, G).abs(), 1e-4 * rnd(n, 6), rnd(n, 6)], -1)
    return given, x


def _time(fn, repeat: int) -> float:
    fn()
    t0 = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - t0) / repeat * 1e3


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--points", type=int, default=10)
    ap.add_argument("--grains", type=int, nargs="+", default=[4, 10, 50, 100])
    ap.add_argument("--dense-max", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    n = a.points
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, N = {n} points")
    print(f"{'G':>6} {'block ms/it':>12} {'dense ms/it':>12} {'block floats':>14} {'dense floats':>14}")
    with tempfile.TemporaryDirectory() as tmp:
        for G in a.grains:
            sys = _system(G, Path(tmp))
            given = {k: w for k, w in _state(n, G)[0].items() if k in sys.given}
            x = _state(n, G)[1]
            b = torch.ones(n, 10 * G + 12, dtype=F64)
            holder = {}

            def blocked() -> None:
                _, J = evaluate_blocks(sys, dict(given), x, (n,), who="benchmark")
                J.solve(b)
                holder["J"] = J

            def dense() -> None:
                _, J, _ = evaluate_system(sys, dict(given), {}, (("", x),), (n,))
                torch.linalg.solve(J, b)

            with torch.no_grad():
                tb = _time(blocked, a.repeat)
                td = _time(dense, a.repeat) if G <= a.dense_max else float("nan")
            J = holder["J"]
            stored = sum(t.numel() for t in (J.A, J.B, J.C, J.D))
            print(f"{G:>6} {tb:>12.1f} {td:>12.1f} {stored:>14} {n * (10 * G + 12) ** 2:>14}")


if __name__ == "__main__":
    main()
