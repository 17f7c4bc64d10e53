"""The benchmarked models and their routes (``neml2`` eager, plain ``torch``, ``compiled``, ``C++``):
elasticity, its JVP and the implicit J2 step, and the compiled artifacts they share."""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from bench_harness import (
    AOTI_ROOT,
    CPP_BUILD,
    DT,
    E_MOD,
    ELASTICITY_INPUT,
    HERE,
    J2_INPUT,
    NU,
    YIELD_FRACTION,
    Case,
    Route,
    Runner,
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

    def counted(given: Any, x: torch.Tensor, tangents: Any = None, blocks: bool = False) -> Any:
        counts["evals"] += 1
        counts["points"] += x.shape[0]
        return orig(given, x, tangents, blocks)

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
