"""Crystal-plasticity benchmark: one implicit step of the documented single-crystal model.

Usage: ``python benchmarks/crystal.py [--quick] [--threads N] [--max-batch N] [--device cpu|cuda]``

The model is the docs' ``crystal_approximated.i`` (FCC, 12 slip systems on a sub-batch axis,
cubic elasticity rotated by the orientation, elastic strain, slip hardening and orientation
solved together) read from the spec folder. One backward-Euler step of the rolling history
from a state already past yield (random orientations), timed with the unknowns' previous values
as the guess: the cost of the per-point Newton solve, its Jacobians by dual numbers and the
linear solves. Prints us/step, material points per ms and Newton iterations per batch size,
and the time per step at N = 3 (what an FE host sees per element).

A second table runs the same single crystal as one input file (tests/aoti/crystal.i: the step as an
ImplicitUpdate of a ComposedModel) eagerly and compiled by neml2-compile (the C++ runtime through
its binding; the artifact is cached in results/bench_aoti), on the same rolling-history state.
A third table runs a Taylor polycrystal (tests/aoti/polycrystal.i: that crystal per grain, 4 and 16
grains, the grain-averaged stress) the same two ways. ``--no-compiled`` skips both.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import Runner, environment, fmt, measure, print_table  # noqa: E402

import neml2  # noqa: E402
from neml2.models.common.implicit_update import ImplicitUpdate  # noqa: E402
from neml2.solvers.newton import Newton  # noqa: E402
from neml2.types import MRP, SR2, WR2, Scalar  # noqa: E402

DOCS = Path(__file__).resolve().parents[2] / "shared/spec/docs/modules/solid_mechanics/crystal_plasticity"
CRYSTAL_INPUT = Path(__file__).resolve().parents[1] / "tests/aoti/crystal.i"
RATE, DT = 1e-4, 10.0


def single_crystal(n: int, device: torch.device) -> Runner:
    """A runner for one step of ``n`` crystals, from a state loaded past yield by 10 warm-up steps."""
    system = neml2.load_nonlinear_system(DOCS / "crystal_approximated.i", "eq_sys")
    system.model.to(device=device)
    update = ImplicitUpdate(equation_system=system, solver=Newton(rel_tol=1e-8, abs_tol=1e-10, max_its=20))
    f64 = {"dtype": torch.float64, "device": device}
    torch.manual_seed(0)
    D = torch.zeros(n, 6, **f64)
    D[:, 1], D[:, 2] = RATE, -RATE
    state = {
        "elastic_strain": SR2(torch.zeros(n, 6, **f64)),
        "slip_hardening": Scalar(torch.zeros(n, **f64)),
        "orientation": MRP.rand(n, **f64),
    }
    forces = {"deformation_rate": SR2(D), "vorticity": WR2(torch.zeros(n, 3, **f64))}

    def step(s: dict, i: int) -> dict:
        given = {f"{k}~1": v for k, v in s.items()} | s | forces
        given |= {"t": Scalar(torch.full((n,), (i + 1) * DT, **f64)), "t~1": Scalar(torch.full((n,), i * DT, **f64))}
        out = update.call_by_name({k: given[k] for k in update.input_spec})
        return {k: out[k] for k in s}

    with torch.no_grad():
        for i in range(10):
            state = step(state, i)
    return Runner(lambda: step(state, 10), stats=lambda: {"its": update.last_iterations})


def _file_inputs(n: int, device: torch.device, state: dict[str, torch.Tensor], i: int) -> dict[str, torch.Tensor]:
    f64 = {"dtype": torch.float64, "device": device}
    D = torch.zeros(n, 6, **f64)
    D[:, 1], D[:, 2] = RATE, -RATE
    return {
        "deformation_rate": D,
        "vorticity": torch.zeros(n, 3, **f64),
        "t": torch.full((n,), (i + 1) * DT, **f64),
        "t~1": torch.full((n,), i * DT, **f64),
        **{f"{k}~1": v for k, v in state.items()},
    }


POLYCRYSTAL_INPUT = CRYSTAL_INPUT.with_name("polycrystal.i")
PER_GRAIN = ("elastic_strain", "slip_hardening", "orientation")


def file_routes(n: int, device: torch.device, grains: int = 0) -> dict[str, Runner]:
    """tests/aoti/crystal.i's step (or, with ``grains``, tests/aoti/polycrystal.i's: that crystal per
    grain, a Taylor average, the per-grain Newton blocks), eager and compiled, from a state 10 eager
    steps past yield."""
    from bench_routes import AOTI_ROOT, artifact

    from neml2.aoti import Model
    from neml2.aoti.export import compile_file

    path = POLYCRYSTAL_INPUT if grains else CRYSTAL_INPUT
    sites = (grains,) if grains else ()
    model = neml2.load_input(path).get_model("model").to(device=device)
    torch.manual_seed(0)
    f64 = {"dtype": torch.float64, "device": device}
    state = {
        "elastic_strain": torch.zeros(n, *sites, 6, **f64),
        "slip_hardening": torch.zeros(n, *sites, **f64),
        "orientation": MRP.rand(n, *sites, **f64).data,
    }

    per_site = {k: len(sites) * (k.split("~")[0] in PER_GRAIN) for k in model.input_spec}

    def eager(s: dict, i: int) -> dict:
        ins = _file_inputs(n, device, s, i)
        out = model.call_by_name({k: t(ins[k], sub_batch_ndim=per_site[k]) for k, t in model.input_spec.items()})
        return {k: out[k].data for k in s}

    with torch.no_grad():
        for i in range(10):
            state = eager(state, i)
    if grains:
        declared = [f"Settings/example_batch_shape/{v}~1='(2; {grains})'" for v in PER_GRAIN]
        out = AOTI_ROOT / f"polycrystal_G{grains}"
        folder = compile_file(path, "model", out, devices=[device.type], overrides=declared).meta_path.parent
    else:
        folder = artifact(path, False, device).folder
    compiled = Model(str(folder), device.type)
    ins = _file_inputs(n, device, state, 10)
    return {"eager": Runner(lambda: eager(state, 10)), "compiled": Runner(lambda: compiled.forward(ins))}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="small sizes only (smoke run)")
    p.add_argument("--device", default="cpu")
    p.add_argument("--threads", type=int, default=None, help="torch.set_num_threads")
    p.add_argument("--max-batch", type=int, default=None)
    p.add_argument("--budget", type=float, default=None, help="seconds per timing (default 3, quick 0.2)")
    p.add_argument("--no-compiled", action="store_true", help="skip the eager / compiled table")
    args = p.parse_args(argv)
    if args.threads:
        torch.set_num_threads(args.threads)
    if not DOCS.is_dir():
        p.error(f"the spec's crystal-plasticity docs are not at {DOCS}")
    device = torch.device(args.device)
    budget = args.budget or (0.2 if args.quick else 3.0)
    sizes = [3, 100] if args.quick else [3, 100, 1000, 10000, 100000]
    sizes = [n for n in sizes if args.max_batch is None or n <= args.max_batch]
    rows = []
    for n in sizes:
        runner = single_crystal(n, device)
        med, best, calls = measure(runner, device, budget_s=budget, max_reps=200)
        its = runner.stats().get("its", "-")
        rows.append([f"{n:.0e}", fmt(med * 1e6), fmt(best * 1e6), fmt(n / (med * 1e3)), str(its), str(calls)])
    print_table(
        "crystal plasticity: one implicit step of crystal_approximated.i (eager)",
        environment(device),
        ["N", "us/step", "best", "pts/ms", "Newton its", "calls"],
        rows,
        [
            "12 FCC slip systems per point (sub-batch); 10 unknown components per point (elastic strain, "
            "slip hardening, orientation)"
        ],
    )
    if args.no_compiled:
        return 0
    rows = []
    for n in sizes:
        routes = file_routes(n, device)
        row = [f"{n:.0e}"]
        for runner in routes.values():
            med, _, _ = measure(runner, device, budget_s=budget, max_reps=200)
            row += [fmt(med * 1e6), fmt(n / (med * 1e3))]
        rows.append(row)
    print_table(
        "crystal plasticity: tests/aoti/crystal.i, one step, eager vs compiled (C++ runtime via its binding)",
        environment(device),
        ["N", "eager us/step", "eager pts/ms", "compiled us/step", "compiled pts/ms"],
        rows,
        ["Newton rel_tol = abs_tol = 1e-12; the compiled artifact is compiled once (results/bench_aoti)"],
    )
    rows = []
    for grains in (4,) if args.quick else (4, 16):
        for n in [m for m in sizes if m * grains <= 160000]:
            routes = file_routes(n, device, grains)
            row = [str(grains), f"{n:.0e}"]
            for runner in routes.values():
                med, _, _ = measure(runner, device, budget_s=budget, max_reps=200)
                row += [fmt(med * 1e6), fmt(n / (med * 1e3)), fmt(n * grains / (med * 1e3))]
            rows.append(row)
    print_table(
        "Taylor polycrystal: tests/aoti/polycrystal.i, one step, eager vs compiled (C++ runtime via its binding)",
        environment(device),
        ["grains", "N", "eager us/step", "pts/ms", "grains/ms", "compiled us/step", "pts/ms", "grains/ms"],
        rows,
        ["the per-grain unknowns one 'block' group: the Newton Jacobian is one 10x10 block per grain on both routes"],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
