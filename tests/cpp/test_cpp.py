"""The C++ runtimes from C++: tests/cpp (and examples/cpp_host) are configured with
find_package(neml2) against the installed package, built once per session, and run on the
session's compiled artifacts.  Reference values come from the Python models; each executable
checks them to 1e-10 and prints one PASS/FAIL line per check."""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import torch
from aoti_cases import CASES, MODEL

import neml2

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
_aoti = pytest.importorskip("neml2.aoti._aoti", reason="the C++ extension is not built")


def _python_reference() -> Any:
    """tests/aoti/test_aoti.py: the Python models' forward / jvp / jacobian on raw tensors."""
    import test_aoti

    return test_aoti


@pytest.fixture(scope="session")
def cpp_build(request: pytest.FixtureRequest) -> Path:
    """tests/cpp built against the installed neml2 CMake package (incremental across sessions)."""
    if shutil.which("cmake") is None:
        pytest.skip("cmake not found")
    build = Path(request.config.cache.mkdir("neml2-cpp-build"))
    prefix = Path(_aoti.__file__).resolve().parents[1]
    gen = ["-G", "Ninja"] if shutil.which("ninja") else []
    cfg = [
        "cmake",
        "-S",
        str(HERE),
        "-B",
        str(build),
        *gen,
        f"-DCMAKE_PREFIX_PATH={prefix}",
        f"-DPython3_EXECUTABLE={sys.executable}",
        "-DCMAKE_BUILD_TYPE=Release",
    ]
    with open(build / ".lock", "w") as lock:  # xdist workers share the build folder
        fcntl.flock(lock, fcntl.LOCK_EX)
        for cmd in (cfg, ["cmake", "--build", str(build), "-j", "2"]):
            r = subprocess.run(cmd, capture_output=True, text=True)
            assert r.returncode == 0, f"{' '.join(cmd)} failed:\n{r.stdout[-4000:]}\n{r.stderr[-4000:]}"
    return build


def _write(path: Path, tensors: dict[str, torch.Tensor]) -> None:
    """The C++ tests' reference format: ``key ndim d0 .. v0 v1 ...`` a line, float64 to 17 digits."""
    lines = []
    for key, t in tensors.items():
        t = t.detach().to(torch.float64).contiguous()
        vals = " ".join(f"{v:.17g}" for v in t.flatten().tolist())
        lines.append(f"{key} {t.dim()} {' '.join(str(s) for s in t.shape)} {vals}".replace("  ", " "))
    tmp = path.with_name(f"{path.name}.{os.getpid()}")
    tmp.write_text("\n".join(lines) + "\n")
    os.replace(tmp, path)  # atomic: another xdist worker may be reading it


def references(case: str, folder: Path) -> Path:
    """Inputs, tangents and the Python model's outputs, JVPs and Jacobian blocks of a case."""
    ref = _python_reference()
    model = ref.python_model(case)
    ins = ref.batch_inputs(model, case)
    g = torch.Generator().manual_seed(11)
    tans = {n: torch.randn(x.shape, generator=g, dtype=torch.float64) for n, x in ins.items()}
    out = ref.python_forward(model, ins)
    jvp = ref.python_jvp(model, ins, tans)
    J = ref.python_jacobian(model, ins)
    data = {f"in:{n}": x for n, x in ins.items()}
    data |= {f"tan:{n}": x for n, x in tans.items()}
    data |= {f"out:{n}": x for n, x in out.items()}
    data |= {f"jvp:{n}": x for n, x in jvp.items()}
    data |= {f"J:{o}:{i}": b for o, row in J.items() for i, b in row.items()}
    if case == "elasticity":
        data["param:E"] = _aoti.Model(folder).named_parameters()["E"]
    path = folder.parent / f"{case}_refs.txt"
    _write(path, data)
    return path


def run(exe: Path, *args: Any, env: dict[str, str] | None = None) -> str:
    r = subprocess.run([str(exe), *map(str, args)], capture_output=True, text=True, env=env, timeout=600)
    out = r.stdout + r.stderr
    failed = [line for line in out.splitlines() if line.startswith("FAIL")]
    assert r.returncode == 0 and not failed, out[-6000:]
    assert "PASS" in out or "steps" in out, out
    return out


@pytest.mark.parametrize("case", ["elasticity", "j2", "chaboche"])
def test_aoti_parity_and_input_errors(cpp_build: Path, compiled: Any, case: str) -> None:
    c = compiled(case)
    out = run(cpp_build / "test_aoti", "parity", c.folder, references(case, c.folder))
    assert " 0 failed" in out and "PASS jacobian matches Python" in out


def test_aoti_parameters(cpp_build: Path, compiled: Any) -> None:
    c = compiled("elasticity")
    run(cpp_build / "test_aoti", "parameters", c.folder, references("elasticity", c.folder))


def test_aoti_solver_config_and_convergence(cpp_build: Path, compiled: Any) -> None:
    c = compiled("j2")
    run(cpp_build / "test_aoti", "solver", c.folder, references("j2", c.folder))
    run(cpp_build / "test_aoti", "convergence", c.folder)


def test_aoti_artifact_errors(cpp_build: Path, compiled: Any, tmp_path: Path) -> None:
    c = compiled("j2")
    meta = (c.folder / "metadata.json").read_text()
    for name, text in {
        "schema3": meta.replace('"schema_version": 5', '"schema_version": 3'),
        "nosegment": meta,  # no cpu/float64 folder beside it
        "badjson": meta[: len(meta) // 2],
    }.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / "metadata.json").write_text(text)
    assert '"schema_version": 5' in meta
    run(cpp_build / "test_aoti", "artifacts", c.folder, tmp_path)


def _eager_env() -> dict[str, str]:
    env = dict(os.environ)
    env["NEML2_PYTHON"] = sys.executable  # start the embedded interpreter as this venv's Python
    return env


@pytest.mark.parametrize("case", ["elasticity", "j2"])
def test_eager_parity_and_input_errors(cpp_build: Path, compiled: Any, case: str) -> None:
    c = compiled(case)
    path, _ = CASES[case]
    out = run(cpp_build / "test_eager", "parity", path, MODEL[case], references(case, c.folder), env=_eager_env())
    assert "PASS the interpreter is started by load_model" in out


def test_eager_errors(cpp_build: Path, compiled: Any, tmp_path: Path) -> None:
    c = compiled("j2")
    path, _ = CASES["j2"]
    text = path.read_text()
    broken = tmp_path / "broken.i"
    broken.write_text(text.replace("[Models]", "[Models\n", 1))
    few = tmp_path / "few_its.i"
    few.write_text(text.replace("    type = Newton\n", "    type = Newton\n    max_its = 1\n", 1))
    assert "max_its = 1" in few.read_text()
    run(
        cpp_build / "test_eager", "errors", path, MODEL["j2"], references("j2", c.folder), broken, few, env=_eager_env()
    )


@pytest.mark.parametrize("case", ["elasticity", "j2"])
def test_model_interface_switches_runtimes(cpp_build: Path, compiled: Any, case: str) -> None:
    """neml2::Model: a base pointer from neml2::aoti::load_model_ptr (the stub) and from
    neml2::eager::load_model_ptr (the input file) runs the same calls with the same results."""
    c = compiled(case)
    path, _ = CASES[case]
    out = run(cpp_build / "test_model", c.stub, path, MODEL[case], references(case, c.folder), env=_eager_env())
    assert " 0 failed" in out and "PASS aoti and eager agree" in out


def test_cpp_host_example_cuts_steps(cpp_build: Path, compiled: Any) -> None:
    """examples/cpp_host: with 4 Newton iterations the 0.5 % strain steps fail and are cut; with 25
    none is; both end at the same strain, plastic; the uncut history matches the binding's."""
    c = compiled("j2")
    exe = cpp_build / "cpp_host" / "cpp_host"
    few = run(exe, c.folder, 4).splitlines()
    full = run(exe, c.folder).splitlines()
    cuts = int(few[-1].split()[-1])
    assert cuts > 0 and full[-1] == "steps 4 cuts 0"
    t, eps, s, ep = map(float, full[-2].split())
    assert t == pytest.approx(0.04) and eps == pytest.approx(0.02) and ep > 1e-3
    assert float(few[-2].split()[1]) == pytest.approx(0.02)
    # the same 4 steps through the Python binding
    m = _aoti.Model(c.folder)
    d = torch.tensor([1.0, -0.5, -0.5, 0, 0, 0], dtype=torch.float64)
    ep_, Ep_ = torch.zeros(1, dtype=torch.float64), torch.zeros(1, 6, dtype=torch.float64)
    for k in range(1, 5):
        t1, t0 = 0.01 * k, 0.01 * (k - 1)
        o = m.forward(
            {
                "strain": (0.5 * t1 * d)[None],
                "t": torch.tensor([t1], dtype=torch.float64),
                "t~1": torch.tensor([t0], dtype=torch.float64),
                "equivalent_plastic_strain~1": ep_,
                "plastic_strain~1": Ep_,
            }
        )
        ep_, Ep_ = o["equivalent_plastic_strain"], o["plastic_strain"]
    assert s == pytest.approx(o["stress"][0, 0].item(), rel=1e-6)
    assert ep == pytest.approx(ep_.item(), rel=1e-6)


def _sites_references(folder: Path) -> Path:
    """The polycrystal case's rolling history (tests/aoti/test_polycrystal_compiled.py), per-grain
    tensors ``(N, 4, *base)``, and the eager runtime's jvp along one grain's old elastic strain."""
    import test_polycrystal_compiled as poly

    from neml2.aoti.eager import EagerModel

    model = neml2.load_input(CASES["polycrystal"][0]).get_model(MODEL["polycrystal"])
    state, data = poly._initial(), {}
    for k in range(1, 4):
        ins = poly._inputs(k, state)
        out = poly._eager(model, ins)
        data |= {f"in{k}:{n}": x for n, x in ins.items()} | {f"out{k}:{n}": x for n, x in out.items()}
        state = {u: out[u] for u in poly.PER_GRAIN}
    tan = torch.zeros_like(data["in1:elastic_strain~1"])
    tan[:, 1, 2] = 1e-3
    eager = EagerModel(CASES["polycrystal"][0], MODEL["polycrystal"])
    _, jv = eager.jvp(poly._inputs(1, poly._initial()), {"elastic_strain~1": tan})
    data |= {"tan:elastic_strain~1": tan} | {f"jvp:{n}": x for n, x in jv.items()}
    path = folder.parent / "polycrystal_refs.txt"
    _write(path, data)
    return path


def test_per_grain_boundary_in_both_runtimes(cpp_build: Path, compiled: Any) -> None:
    """Per-grain state crossing the C++ boundary: the compiled runtime and the eager runtime follow the
    eager model's rolling history of a Taylor polycrystal; the eager runtime's jvp too."""
    c = compiled("polycrystal")
    refs = _sites_references(c.folder)
    out = run(cpp_build / "test_aoti", "sites", c.folder, refs)
    assert "PASS rolling history matches Python" in out and "PASS base shapes include the sites" in out
    out = run(cpp_build / "test_eager", "sites", CASES["polycrystal"][0], MODEL["polycrystal"], refs, env=_eager_env())
    assert "PASS rolling history matches Python" in out and "PASS jvp matches Python" in out
