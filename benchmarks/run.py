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
"""

from __future__ import annotations

import argparse
import ctypes
import json
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

HERE = Path(__file__).resolve().parent
AOTI_ROOT = HERE.parent / "results" / "bench_aoti"  # compiled models (reused while unchanged)
CPP_BUILD = HERE.parent / "results" / "bench_cpp_build"
ELASTICITY_INPUT = HERE / "elasticity.i"
J2_INPUT = HERE / "j2_viscoplasticity.i"
DTYPE = torch.float64
E_MOD, NU = 1e5, 0.3
DT = 0.01  # time step of the single J2 step and of the transient
YIELD_FRACTION = 0.9  # share of points loaded past yield in the single J2 step


# --------------------------------------------------------------------------- plumbing
@dataclass
class Case:
    """One benchmark point: batch size, device, dtype."""

    n: int
    device: torch.device
    dtype: torch.dtype = DTYPE


@dataclass
class Runner:
    """A zero-argument call that evaluates the model once, plus optional statistics of the last call;
    or, for a route timed outside this process, ``external(budget_s) -> (median s, best s, calls)``."""

    call: Callable[[], Any] | None
    stats: Callable[[], dict[str, Any]] = field(default=lambda: {})
    external: Callable[[float], tuple[float, float, int]] | None = None


@dataclass
class Route:
    """One way of evaluating a model (eager neml2, plain torch, compiled, C++ ...)."""

    name: str
    setup: Callable[[Case], Runner]


def sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def timeit(
    fn: Callable[[], Any],
    device: torch.device,
    *,
    budget_s: float,
    min_reps: int = 3,
    max_reps: int = 1000,
    warmup: int = 1,
) -> list[float]:
    """Wall times (s) of repeated calls after ``warmup`` calls, until ``budget_s`` is spent."""
    for _ in range(warmup):
        fn()
    sync(device)
    times: list[float] = []
    start = time.perf_counter()
    while len(times) < max_reps and (len(times) < min_reps or time.perf_counter() - start < budget_s):
        t0 = time.perf_counter()
        fn()
        sync(device)
        times.append(time.perf_counter() - t0)
    return times


def measure(runner: Runner, device: torch.device, *, budget_s: float, **kw: Any) -> tuple[float, float, int]:
    """(median s, best s, calls) of the runner's call, timed here or by the external route."""
    if runner.external is not None:
        return runner.external(budget_s)
    with torch.no_grad():
        times = timeit(runner.call, device, budget_s=budget_s, **kw)
    return statistics.median(times), min(times), len(times)


def fmt(x: float | None, digits: int = 3) -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "-"
    if x == 0:
        return "0"
    if abs(x) >= 10**digits or abs(x) < 10 ** -(digits - 1):
        return f"{x:.{digits - 1}e}"
    return f"{x:.{max(digits - 1 - int(math.floor(math.log10(abs(x)))), 0)}f}"


def print_table(
    title: str,
    env: str,
    header: list[str],
    rows: list[list[str]],
    notes: list[str] = (),
    empty: str = "(no sizes within --max-batch)",
) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(header)]
    print(f"\n## {title}")
    print(f"   {env}")
    print("  ".join(h.rjust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print("  ".join(c.rjust(w) for c, w in zip(r, widths, strict=True)))
    if not rows:
        print(empty)
    for n in notes:
        print(f"   note: {n}")
    sys.stdout.flush()


def environment(device: torch.device) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    name = torch.cuda.get_device_name(device) if device.type == "cuda" else f"{os.cpu_count()} cores"
    return (
        f"device={device} ({name}) dtype={str(DTYPE).replace('torch.', '')} "
        f"torch_threads={torch.get_num_threads()} torch={torch.__version__} load_avg_1min={load:.2f}"
    )


def load(path: Path, name: str, device: torch.device) -> Any:
    import neml2
    from neml2.cli.run import cast

    model = neml2.load_model(path, name)
    return cast(model, device, None) if device.type != "cpu" else model


def lame() -> tuple[float, float]:
    return E_MOD * NU / ((1 + NU) * (1 - 2 * NU)), E_MOD / (2 * (1 + NU))


def random_strain(case: Case, scale: torch.Tensor | float, seed: int = 0) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    d = torch.randn(case.n, 6, generator=g, dtype=case.dtype)
    d = d / d.norm(dim=-1, keepdim=True)
    return (d * (scale[:, None] if isinstance(scale, torch.Tensor) else scale)).to(case.device)


# ------------------------------------------------------------------------ elasticity
def elasticity_neml2(case: Case) -> Runner:
    from neml2.types import SR2

    model = load(ELASTICITY_INPUT, "model", case.device)
    e = SR2(random_strain(case, 1e-3))
    return Runner(lambda: model(e))


def elasticity_torch(case: Case) -> Runner:
    lam, mu = lame()
    e = random_strain(case, 1e-3)
    eye = torch.tensor([1.0, 1, 1, 0, 0, 0], dtype=case.dtype, device=case.device)
    return Runner(lambda: lam * e[:, :3].sum(-1, keepdim=True) * eye + 2 * mu * e)


def identity_seeds(case: Case) -> torch.Tensor:
    """Per-point identity seeds, ``(6, N, 6)`` (what an upstream model would hand over)."""
    eye = torch.eye(6, dtype=case.dtype, device=case.device)
    return eye[:, None, :].expand(6, case.n, 6).contiguous()


def elasticity_jvp_neml2(case: Case) -> Runner:
    from neml2.types import SR2

    model = load(ELASTICITY_INPUT, "model", case.device)
    e = SR2(random_strain(case, 1e-3))
    v = {"strain": {"strain": SR2(identity_seeds(case), k_ndim=1)}}
    return Runner(lambda: model(e, v=v))


def elasticity_jvp_torch(case: Case) -> Runner:
    lam, mu = lame()
    e = random_strain(case, 1e-3)
    t = identity_seeds(case)
    eye = torch.tensor([1.0, 1, 1, 0, 0, 0], dtype=case.dtype, device=case.device)

    def f() -> tuple[torch.Tensor, torch.Tensor]:
        s = lam * e[..., :3].sum(-1, keepdim=True) * eye + 2 * mu * e
        ds = lam * t[..., :3].sum(-1, keepdim=True) * eye + 2 * mu * t
        return s, ds

    return Runner(f)


# ------------------------------------------------------------------------- J2 step
def j2_inputs(case: Case) -> dict[str, Any]:
    """One step of size DT from the virgin state; YIELD_FRACTION of the points load past yield."""
    from neml2.types import SR2, Scalar

    g = torch.Generator().manual_seed(1)
    plastic = torch.rand(case.n, generator=g, dtype=case.dtype) < YIELD_FRACTION
    scale = torch.where(plastic, 3e-3, 1e-5).to(case.dtype)  # yield strain is 5e-5
    e = SR2(random_strain(case, scale))
    kw = dict(dtype=case.dtype, device=case.device)
    t = Scalar(torch.full((case.n,), DT, **kw))
    zero = Scalar(torch.zeros(case.n, **kw))
    ep_old = Scalar(torch.zeros(case.n, **kw))
    Ep_old = SR2(torch.zeros(case.n, 6, **kw))
    return {"strain": e, "t": t, "t~1": zero, "equivalent_plastic_strain~1": ep_old, "plastic_strain~1": Ep_old}


def instrument(model: Any) -> tuple[Any, dict[str, int]]:
    """Count the ImplicitUpdate's residual/Jacobian evaluations (and the points they cover)."""
    from neml2.models.common.implicit_update import ImplicitUpdate

    iu = next(m for m in model.modules() if isinstance(m, ImplicitUpdate))
    counts = {"evals": 0, "points": 0}
    orig = iu._evaluate

    def counted(given: Any, x: torch.Tensor, tangents: Any = None) -> Any:
        counts["evals"] += 1
        counts["points"] += x.shape[0]
        return orig(given, x, tangents)

    iu.__dict__["_evaluate"] = counted
    return iu, counts


def j2_neml2(case: Case) -> Runner:
    model = load(J2_INPUT, "model", case.device)
    by_name = j2_inputs(case)
    args = [by_name[n] for n in model.input_spec]
    iu, counts = instrument(model)

    def call() -> Any:
        counts["evals"] = counts["points"] = 0
        with torch.no_grad():
            return model(*args)

    def stats() -> dict[str, Any]:
        return {"newton_its": iu.last_iterations, "evals": counts["evals"], "eval_points": counts["points"]}

    return Runner(call, stats)


# ------------------------------------------------------------------ compiled routes
@dataclass
class Artifact:
    """A compiled model (neml2-compile) and what compiling it cost."""

    folder: Path
    wall_s: float | None  # compiled in this run (None: the cached artifact was reused)
    recorded_s: float | None  # the compile wall time recorded in its metadata
    segments: int


_ARTIFACTS: dict[tuple[str, bool, str], Artifact] = {}


def artifact(path: Path, derivatives: bool, device: torch.device, force: bool = False) -> Artifact:
    """Block ``model`` of ``path`` compiled into results/bench_aoti (reused while its content hash holds)."""
    key = (str(path), derivatives, device.type)
    if key not in _ARTIFACTS or force:
        from neml2.aoti.export import compile_file

        out = AOTI_ROOT / f"{path.stem}_{'d' if derivatives else 'fwd'}"
        t0 = time.perf_counter()
        res = compile_file(
            path, "model", out, devices=[device.type], derivatives=[":"] if derivatives else [], force=force
        )
        wall = None if res.skipped else time.perf_counter() - t0
        segs = sum(len(st["segments"]) for st in res.metadata["stages"])
        _ARTIFACTS[key] = Artifact(res.meta_path.parent, wall, res.metadata.get("compile_wall_s"), segs)
    return _ARTIFACTS[key]


def compiled(path: Path, case: Case, derivatives: bool = False) -> Any:
    """The C++ runtime (neml2.aoti.Model, through its pybind11 binding) over the compiled model."""
    from neml2.aoti import Model

    return Model(str(artifact(path, derivatives, case.device).folder), case.device.type)


def elasticity_compiled(case: Case) -> Runner:
    m = compiled(ELASTICITY_INPUT, case)
    ins = {"strain": random_strain(case, 1e-3)}
    return Runner(lambda: m.forward(ins))


def elasticity_jvp_compiled(case: Case) -> Runner:
    m = compiled(ELASTICITY_INPUT, case, derivatives=True)
    ins = {"strain": random_strain(case, 1e-3)}
    return Runner(lambda: m.jacobian(ins))  # the (N, 6, 6) blocks: the JVP along 6 identity seeds


def j2_compiled(case: Case) -> Runner:
    m = compiled(J2_INPUT, case)
    ins = {n: w.data for n, w in j2_inputs(case).items()}
    return Runner(lambda: m.forward(ins))


def cpp_build() -> Path:
    """benchmarks/cpp (bench_aoti) configured against the installed neml2 CMake package."""
    import shutil

    import neml2.aoti._aoti as binding  # type: ignore[import-not-found]

    prefix = Path(binding.__file__).resolve().parents[1]
    gen = ["-G", "Ninja"] if shutil.which("ninja") else []
    cfg = ["cmake", "-S", str(HERE / "cpp"), "-B", str(CPP_BUILD), *gen, f"-DCMAKE_PREFIX_PATH={prefix}"]
    for cmd in (cfg, ["cmake", "--build", str(CPP_BUILD)]):
        subprocess.run(cmd, capture_output=True, text=True, check=True)
    return CPP_BUILD / "bench_aoti"


def cpp_host(path: Path) -> Callable[[Case], Runner]:
    """A pure C++ host (benchmarks/cpp/bench_aoti.cpp, no Python in the process) timing forward."""

    def setup(case: Case) -> Runner:
        exe, folder = cpp_build(), artifact(path, False, case.device).folder

        def external(budget: float) -> tuple[float, float, int]:
            cmd = [str(exe), str(folder), str(case.n), str(budget), str(torch.get_num_threads())]
            res = json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
            return res["median_us"] * 1e-6, res["best_us"] * 1e-6, res["calls"]

        return Runner(call=None, external=external)

    return setup


ELASTICITY_ROUTES = [
    Route("neml2", elasticity_neml2),
    Route("torch", elasticity_torch),
    Route("compiled", elasticity_compiled),
    Route("C++", cpp_host(ELASTICITY_INPUT)),
]
ELASTICITY_JVP_ROUTES = [
    Route("neml2", elasticity_jvp_neml2),
    Route("torch", elasticity_jvp_torch),
    Route("compiled", elasticity_jvp_compiled),
]
J2_ROUTES = [Route("neml2", j2_neml2), Route("compiled", j2_compiled), Route("C++", cpp_host(J2_INPUT))]
ROUTE_TABLES = {"elasticity": ELASTICITY_ROUTES, "elasticity_jvp": ELASTICITY_JVP_ROUTES, "j2": J2_ROUTES}


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
        str(Path(__file__).resolve()),
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


# ------------------------------------------------------------------------ sections
def sizes_within(sizes: list[int], max_batch: int | None) -> list[int]:
    return [n for n in sizes if max_batch is None or n <= max_batch]


def section_import(args: argparse.Namespace) -> None:
    reps = 1 if args.quick else 5
    probes = {
        "torch": "import time; t=time.perf_counter(); import torch; print(time.perf_counter()-t)",
        "neml2": "import time; t=time.perf_counter(); import neml2; print(time.perf_counter()-t)",
        "neml2 after torch": ("import time, torch; t=time.perf_counter(); import neml2; print(time.perf_counter()-t)"),
        "first load_model (elasticity)": (
            f"import time, neml2; t=time.perf_counter(); neml2.load_model({str(ELASTICITY_INPUT)!r}, 'model'); "
            "print(time.perf_counter()-t)"
        ),
        "first load_model (J2)": (
            f"import time, neml2; t=time.perf_counter(); neml2.load_model({str(J2_INPUT)!r}, 'model'); "
            "print(time.perf_counter()-t)"
        ),
    }
    rows = []
    for name, code in probes.items():
        vals = []
        for _ in range(reps):
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
            vals.append(float(out.strip().splitlines()[-1]))
        rows.append([name, fmt(statistics.median(vals)), fmt(min(vals)), str(reps)])
        args.results[f"import {name}"] = statistics.median(vals)
    print_table(
        "a. import time (fresh subprocess per run)",
        environment(torch.device("cpu")),
        ["what", "median s", "best s", "runs"],
        rows,
        [
            "'neml2 after torch' is the import cost beyond torch (target <= 0.5 s)",
            "'first load_model' includes importing the registry of built-in types on first use",
        ],
    )


def _throughput_table(
    title: str,
    routes: list[Route],
    sizes: list[int],
    args: argparse.Namespace,
    ratio: tuple[str, str] | None,
    notes: list[str],
    key: str = "",
) -> None:
    device = torch.device(args.device)
    header = ["N"]
    for r in routes:
        header += [f"{r.name} us/call", "best", "pts/ms"]
    if ratio:
        header += [f"{ratio[0]}/{ratio[1]}", "best"]
    rows = []
    for n in sizes:
        med: dict[str, float] = {}
        best: dict[str, float] = {}
        row = [f"{n:.0e}"]
        for r in routes:
            runner = r.setup(Case(n, device))
            med[r.name], best[r.name], _ = measure(runner, device, budget_s=args.budget, max_reps=2000)
            row += [fmt(med[r.name] * 1e6), fmt(best[r.name] * 1e6), fmt(n / (med[r.name] * 1e3))]
            del runner
        if ratio:
            row += [fmt(med[ratio[0]] / med[ratio[1]]), fmt(best[ratio[0]] / best[ratio[1]])]
            args.results[f"{key} ratio {n}"] = (med[ratio[0]] / med[ratio[1]], best[ratio[0]] / best[ratio[1]])
        rows.append(row)
    notes = [*notes, "us/call and pts/ms are medians; 'best' is the fastest call (less exposed to a busy machine)"]
    print_table(title, environment(device), header, rows, notes)


def section_elasticity(args: argparse.Namespace) -> None:
    sizes = sizes_within([100, 1000] if args.quick else [10**k for k in range(2, 7)], args.max_batch)
    _throughput_table(
        "b. LinearIsotropicElasticity forward: neml2.load_model vs plain torch",
        ELASTICITY_ROUTES,
        sizes,
        args,
        ("neml2", "torch"),
        ["torch route: lam*tr(e)*I + 2*mu*e on an (N, 6) tensor; target: neml2/torch <= 1.5 at N >= 1e5"],
        key="elasticity",
    )
    _throughput_table(
        "b'. LinearIsotropicElasticity JVP (v= with 6 per-point seeds): value + (6, N, 6) tangent",
        ELASTICITY_JVP_ROUTES,
        sizes,
        args,
        ("neml2", "torch"),
        ["torch route: the same linear map applied to the value and to the (6, N, 6) seeds"],
    )


def section_j2(args: argparse.Namespace) -> None:
    device = torch.device(args.device)
    sizes = sizes_within([1000] if args.quick else [10**k for k in range(3, 7)], args.max_batch)
    header = ["N"]
    for r in J2_ROUTES:
        header += [f"{r.name} us/pt", "best", "pts/ms", "s/step", "newton its", "evals", "eval pts/N", "peak B/pt"]
    rows = []
    method = "-"
    for n in sizes:
        row = [f"{n:.0e}"]
        for r in J2_ROUTES:
            runner = r.setup(Case(n, device))
            t, tbest, _ = measure(runner, device, budget_s=args.budget, min_reps=2 if n >= 10**6 else 3, max_reps=50)
            st = runner.stats()
            in_process = runner.call is not None
            del runner
            mem = peak_memory("j2", r.name, n, device) if in_process and not args.no_memory else None
            if mem:
                method = mem["method"]
            args.results[f"j2 {r.name} {n}"] = (t / n * 1e6, tbest / n * 1e6, mem["bytes"] / n if mem else None)
            row += [
                fmt(t / n * 1e6),
                fmt(tbest / n * 1e6),
                fmt(n / (t * 1e3)),
                fmt(t),
                str(st.get("newton_its", "-")),
                str(st.get("evals", "-")),
                fmt(st["eval_points"] / n) if "eval_points" in st else "-",
                fmt(mem["bytes"] / n) if mem else "-",
            ]
        rows.append(row)
    print_table(
        f"c. implicit J2 viscoplastic step (ImplicitUpdate + Newton), one step of dt={DT:g} from the virgin state",
        environment(device),
        header,
        rows,
        [
            f"{YIELD_FRACTION:.0%} of the points load past yield; whole composed 'model' (return map + stress)",
            "evals = residual+Jacobian evaluations of the implicit system (one per Newton iteration, + initial);"
            " eval pts/N = points evaluated / N (converged points leave the active set)",
            f"peak memory: fresh subprocess per size, after a warm-up call at N=8; {method}",
            "targets at N = 1e5: <= 12 us/pt and <= 4096 B/pt",
        ],
    )


def transient_driver(n: int, steps: int, device: torch.device, route: str = "neml2") -> Any:
    """The J2 model (``neml2``) or its compiled artifact in an AOTIModel (``compiled``) driven
    through ``steps`` steps of a ramp to |strain| = 1 %."""
    import neml2
    from neml2.cli.run import cast

    f64 = "dtype=torch.float64"
    times = f"torch.linspace(0, {steps * DT}, {steps + 1}, {f64}).unsqueeze(-1).expand({steps + 1}, {n})"
    ramp = f"torch.linspace(0, 1, {steps + 1}, {f64})[:, None, None]"
    dirs = f"torch.randn({n}, 6, {f64}, generator=torch.Generator().manual_seed(2))"
    tensors = f"""
[Tensors]
  [times]
    type = Python
    expr = 'Scalar({times})'
  []
  [strains]
    type = Python
    expr = 'SR2({ramp} * 0.01 * torch.nn.functional.normalize({dirs}, dim=-1))'
  []
[]
[Drivers]
  [driver]
    type = TransientDriver
    model = 'model'
    prescribed_time = 'times'
    prescribed_SR2_names = 'strain'
    prescribed_SR2_values = 'strains'
    show_progress = false
  []
[]
"""
    if route == "compiled":
        folder = artifact(J2_INPUT, False, device).folder
        with torch.device(device):  # AOTIModel loads the artifact of the default device
            models = f"[Models]\n  [model]\n    type = AOTIModel\n    artifact_path = '{folder}'\n  []\n[]\n"
            return neml2.load_string(models + tensors).get_driver("driver")
    driver = neml2.load_string(J2_INPUT.read_text() + tensors, str(J2_INPUT)).get_driver("driver")
    return cast(driver, device, None) if device.type != "cpu" else driver


def section_transient(args: argparse.Namespace) -> None:
    device = torch.device(args.device)
    steps = 20 if args.quick else 100
    sizes = sizes_within([100] if args.quick else [10**4, 10**5], args.max_batch)
    rows = []
    for n in sizes:
        for route in ("neml2", "compiled"):
            driver = transient_driver(n, steps, device, route)
            counts = instrument(driver.model)[1] if route == "neml2" else None
            t0 = time.perf_counter()
            with torch.no_grad():
                driver.run()
            sync(device)
            t = time.perf_counter() - t0
            args.results[f"transient {route} {n}"] = n * steps / (t * 1e3)
            rows.append(
                [
                    f"{n:.0e}",
                    route,
                    str(steps),
                    fmt(t),
                    fmt(t / steps * 1e3),
                    fmt(n * steps / (t * 1e3)),
                    fmt(t / (n * steps) * 1e6),
                    fmt(counts["evals"] / steps) if counts else "-",
                    fmt(counts["points"] / (n * steps)) if counts else "-",
                ]
            )
            del driver
    print_table(
        f"d. {steps}-step transient of the J2 model (TransientDriver; ramp to |strain| = 1% in random directions)",
        environment(device),
        ["N", "route", "steps", "total s", "ms/step", "pt*steps/ms", "us/(pt*step)", "evals/step", "eval pts/(N*step)"],
        rows,
        [
            "one run (includes the driver's bookkeeping and result storage); the first steps are elastic",
            "compiled: the same driver over an AOTIModel of the compiled J2 model (C++ runtime, Newton in C++)",
            "evals/step = residual+Jacobian evaluations per step (Newton iterations + 1)",
        ],
    )


def section_compile(args: argparse.Namespace) -> None:
    """neml2-compile wall time per model, forward only (the default) and with derivatives (-d :)."""
    import tempfile

    device = torch.device(args.device)
    if args.recompile:  # a fresh inductor cache too: nothing reused but g++'s precompiled header
        os.environ["TORCHINDUCTOR_CACHE_DIR"] = tempfile.mkdtemp(prefix="neml2-bench-inductor-")
    rows = []
    for label, path in (("elasticity", ELASTICITY_INPUT), ("implicit J2", J2_INPUT)):
        # --quick: the J2 derivative graphs only cost time (no other section uses them)
        for derivatives in (False,) if args.quick and path == J2_INPUT else (False, True):
            art = artifact(path, derivatives, device, force=args.recompile)
            args.results[f"compile {label} {derivatives}"] = art.wall_s if art.wall_s is not None else art.recorded_s
            rows.append(
                [
                    label,
                    "-d :" if derivatives else "forward only",
                    str(art.segments),
                    fmt(art.wall_s) if art.wall_s is not None else "reused",
                    fmt(art.recorded_s),
                ]
            )
    print_table(
        "f. neml2-compile (torch.export + AOTInductor), wall time per model",
        environment(device),
        ["model", "graphs", "segments", "this run s", "recorded s"],
        rows,
        [
            "segments compile in parallel (one forked worker per core); most of each is g++ on its AOTI wrapper",
            "'recorded': the wall time stored in the artifact's metadata when it was compiled;"
            " --recompile compiles afresh (new inductor cache)",
            "a competing implementation needs ~14 s (elasticity) and ~71 s (implicit J2) on this machine",
        ],
    )


def section_tiny(args: argparse.Namespace) -> None:
    device = torch.device(args.device)
    n = 3
    rows = []
    for label, routes in (
        ("elasticity", ELASTICITY_ROUTES),
        ("elasticity JVP", ELASTICITY_JVP_ROUTES),
        ("J2 step", J2_ROUTES),
    ):
        for r in routes:
            runner = r.setup(Case(n, device))
            med, best, calls = measure(runner, device, budget_s=args.budget, min_reps=20, max_reps=20000, warmup=5)
            st = runner.stats()
            args.results[f"tiny {label} {r.name}"] = med
            rows.append(
                [
                    label,
                    r.name,
                    fmt(med * 1e6),
                    fmt(best * 1e6),
                    str(calls),
                    str(st.get("newton_its", "-")),
                    str(st.get("evals", "-")),
                ]
            )
    print_table(
        "e. tiny batch N=3 (what an FE host sees per element call; Python overhead dominates)",
        environment(device),
        ["model", "route", "median us/call", "best us/call", "calls", "newton its", "evals"],
        rows,
    )


def section_targets(args: argparse.Namespace) -> None:
    """The issue's targets against what this run measured (only those it measured)."""
    res, rows = args.results, []
    if "import neml2 after torch" in res:
        v = res["import neml2 after torch"]
        rows.append(["import neml2 beyond torch", "<= 0.5 s", f"{fmt(v)} s", _ok(v <= 0.5)])
    for n in (10**5, 10**6):
        if f"elasticity ratio {n}" in res:
            med, best = res[f"elasticity ratio {n}"]
            rows.append(
                [f"elasticity neml2/torch, N={n:.0e}", "<= 1.5", f"{fmt(med)} (best {fmt(best)})", _ok(med <= 1.5)]
            )
    if f"j2 neml2 {10**5}" in res:
        us, best, mem = res[f"j2 neml2 {10**5}"]
        rows.append(["J2 step, N=1e5", "<= 12 us/pt", f"{fmt(us)} (best {fmt(best)})", _ok(us <= 12)])
        if mem is not None:
            rows.append(["J2 step peak memory, N=1e5", "<= 4096 B/pt", fmt(mem), _ok(mem <= 4096)])
    if f"j2 compiled {10**5}" in res:
        us, best, _ = res[f"j2 compiled {10**5}"]
        rows.append(["compiled J2 step, N=1e5", "<= 7 us/pt", f"{fmt(us)} (best {fmt(best)})", _ok(us <= 7)])
    for label, goal in (("elasticity", 14.0), ("implicit J2", 71.0)):
        v = res.get(f"compile {label} False")
        if v is not None:
            rows.append([f"compile {label} (forward only)", f"well under {goal:g} s", f"{fmt(v)} s", _ok(v < goal)])
    if args.device == "cuda" and f"transient compiled {10**5}" in res:
        v = res[f"transient compiled {10**5}"]
        rows.append(["compiled 100-step transient, N=1e5", ">= 750 pt*steps/ms (H100)", fmt(v), _ok(v >= 750)])
    print_table(
        "targets (issue text) vs this run",
        environment(torch.device(args.device)),
        ["target", "goal", "measured", "met"],
        rows,
        empty="(no target quantity measured in this run)",
    )


def _ok(flag: bool) -> str:
    return "yes" if flag else "NO"


SECTIONS = {
    "import": section_import,
    "compile": section_compile,
    "elasticity": section_elasticity,
    "j2": section_j2,
    "transient": section_transient,
    "tiny": section_tiny,
    "targets": section_targets,
}


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
