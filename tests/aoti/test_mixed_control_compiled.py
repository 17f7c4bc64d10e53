"""The mixed-control Taylor polycrystal of the crystal-plasticity calibration tutorial (its
``%%writefile model.i`` cell, read from the docs page) on the compiled route: per-grain unknowns a
``block`` group, the global deformation rate and stress a ``dense`` one (``structure = 'block dense'``).
The residual graph returns the per-grain blocks ``A`` and the couplings ``B``, ``C``, ``D`` (never the
``(G k + m)^2`` matrix); both runtimes solve by per-grain LU and the Schur complement and match the
eager model (values over a loading history into plasticity, and the jacobian)."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest
import torch

import neml2
from neml2.aoti import Model, PyModel
from neml2.aoti.eager import EagerModel
from neml2.types import MRP, R2

PAGE = (
    Path(__file__).resolve().parents[2].parent
    / "shared/spec/docs/tutorials/optimization/crystal_plasticity_calibration/main.md"
)
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not PAGE.is_file(), reason="the spec's docs are not next to the checkout"),
]
RUNTIMES = [PyModel] + ([Model] if Model is not PyModel else [])
F64 = torch.float64
N, G, K, M, STEPS, DT = 3, 4, 10, 12, 5, 5.0
PER_GRAIN = ("elastic_strain", "orientation", "slip_hardening")
GRAINS = "".join(f"    {n}~1 = '(2; {G})'\n" for n in PER_GRAIN)


@pytest.fixture(scope="module")
def case(aoti_root: Path) -> tuple[Path, Path]:
    """(the input file with the grains declared for the trace, the compiled artifact folder)."""
    cell = re.search(r"```python\n%%writefile model.i\n(.*?)```", PAGE.read_text(), re.S)
    assert cell is not None
    folder = aoti_root / "mixed_control"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "model.i"
    path.write_text(f"[Settings]\n  [example_batch_shape]\n{GRAINS}  []\n[]\n" + cell.group(1))
    from neml2.cli.compile import main

    with contextlib.redirect_stdout(io.StringIO()):
        assert main([str(path), "--model", "model", "--output-dir", str(folder), "-d", ":"]) == 0
    return path, folder / "model"


def _orientations() -> torch.Tensor:
    gen = torch.Generator().manual_seed(5)
    q, r = torch.linalg.qr(torch.randn(N * G, 3, 3, generator=gen, dtype=F64))
    q = q * torch.sign(torch.diagonal(r, dim1=-2, dim2=-1)).unsqueeze(-2)
    q[:, :, 0] *= torch.linalg.det(q).unsqueeze(-1)
    return MRP.from_matrix(R2(q)).data.reshape(N, G, 3)


def _inputs(k: int, state: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    control = torch.zeros(N, 6, dtype=F64)
    control[:, 2] = 1.0  # the axial component strain-rate controlled, the others traction free
    prescribed = torch.zeros(N, 6, dtype=F64)
    prescribed[:, 2] = torch.tensor([1e-4, 2e-4, -1e-4], dtype=F64)
    return {
        "control": control,
        "prescribed": prescribed,
        "vorticity": torch.zeros(N, 3, dtype=F64),
        "t": torch.full((N,), DT * k, dtype=F64),
        "t~1": torch.full((N,), DT * (k - 1), dtype=F64),
        **state,
    }


def _next_state(control: torch.Tensor, out: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    c, mixed, z = control > 0, out["mixed_state"], out["z"]
    return {
        **{f"{n}~1": out[n] for n in PER_GRAIN},
        "deformation_rate~1": torch.where(c, mixed, z),
        "target_cauchy_stress~1": torch.where(c, z, mixed),
    }


@pytest.fixture(scope="module")
def history(case: tuple[Path, Path]) -> list[tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]]:
    """(inputs, outputs) of the eager model at every step, its own state fed back."""
    model = neml2.load_input(case[0]).get_model("model")
    state: dict[str, torch.Tensor] = {
        "elastic_strain~1": torch.zeros(N, G, 6, dtype=F64),
        "orientation~1": _orientations(),
        "slip_hardening~1": torch.zeros(N, G, dtype=F64),
        "deformation_rate~1": torch.zeros(N, 6, dtype=F64),
        "target_cauchy_stress~1": torch.zeros(N, 6, dtype=F64),
    }
    out = []
    for k in range(1, STEPS + 1):
        ins = _inputs(k, state)
        typed = {n: t(ins[n], sub_batch_ndim=int(n.split("~")[0] in PER_GRAIN)) for n, t in model.input_spec.items()}
        with torch.no_grad():
            res = {n: w.data for n, w in model.call_by_name(typed).items()}
        out.append((ins, res))
        state = _next_state(ins["control"], res)
    axial = [float(res["z"][1, 2]) for _, res in out]  # the fastest-loaded point
    slope = [b - a for a, b in zip([0.0, *axial[:-1]], axial, strict=True)]
    assert slope[-1] < 0.5 * slope[0]  # into plasticity
    return out


def _close(got: torch.Tensor, ref: torch.Tensor) -> None:
    torch.testing.assert_close(got, ref, rtol=1e-10, atol=1e-10 * float(ref.abs().max()))


def test_residual_graph_returns_the_blocks(case: tuple[Path, Path], history: list) -> None:
    meta = json.loads((case[1] / "metadata.json").read_text())
    blocks = meta["stages"][0]["site_blocks"]
    assert blocks["sites"] == [G] and len(blocks["cols_A"][0]) == K and len(blocks["cols_D"]) == M
    st = PyModel(str(case[1]))._stages[0]
    ins, out = history[2]
    given = [ins[n].contiguous() for n in st.inputs]
    x = torch.cat([out[u].reshape(N, -1) if u in out else ins[f"{u}~1"].reshape(N, -1) for u in st.outputs], 1)
    res = st.graphs["residual"](*given, x)
    assert [tuple(t.shape) for t in res] == [(N, G * K + M), (N, G, K, K), (N, G, K, M), (N, M, G, K), (N, M, M)]
    J = st.jacobian(res[1:])
    assert float(J.C.abs().max()) > 0.0 and float(J.B.abs().max()) > 0.0  # the grains couple to the mean


@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_rolling_history_matches_eager(case: tuple[Path, Path], runtime: type, history: list) -> None:
    m = runtime(str(case[1]))
    state = {k: v for k, v in history[0][0].items() if k.endswith("~1") and k != "t~1"}
    for k, (_, ref) in enumerate(history, start=1):
        ins = _inputs(k, state)
        out = m.forward(ins)
        for name, x in ref.items():
            _close(out[name], x)
        state = _next_state(ins["control"], out)


@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_jacobian_matches_the_eager_runtime(case: tuple[Path, Path], runtime: type, history: list) -> None:
    ins, _ = history[3]
    _, J = runtime(str(case[1])).jacobian(ins)
    _, ref = EagerModel(str(case[0]), "model").jacobian(ins)
    assert J["z"]["prescribed"].shape == (N, 6, 6) and J["orientation"]["orientation~1"].shape == (N, G, 3, G, 3)
    assert float(J["z"]["prescribed"].abs().max()) > 1e3
    for o in ref:
        for n in ref[o]:
            torch.testing.assert_close(J[o][n], ref[o][n], rtol=1e-8, atol=1e-8 * float(ref[o][n].abs().max()) + 1e-14)
