"""A mixed-control Taylor polycrystal: the crystal-plasticity calibration tutorial's model (its
``%%writefile model.i`` cell, read from the docs page): per-grain elastic strain, orientation and
slip hardening (the grains a sub-batch axis) and the global deformation rate / stress, grouped
``'...; ...'`` with ``structure = 'block dense'`` and solved with a SchurComplement.

Checks: the first (elastic) step against the Voigt-average closed form (uniaxial stress,
sigma_zz = eps_zz / S_avg[zz, zz] with S_avg the inverse of the mean rotated cubic stiffness); the
ImplicitUpdate route (SchurComplement, step by step) against neml2.pyzag's chunked solve of the same
system; the adjoint gradient of a loss against finite differences.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch

import neml2
from neml2.types import MRP, R2, SR2, WR2, Scalar

PAGE = (
    Path(__file__).resolve().parents[3].parent
    / "shared/spec/docs/tutorials/optimization/crystal_plasticity_calibration/main.md"
)
pytestmark = pytest.mark.skipif(not PAGE.is_file(), reason="the spec's docs are not next to the checkout")
F64 = torch.float64
RATE, AXIAL, NT, DT = 1e-4, 2, 11, 5.0  # the page's rate; 5e-4 strain per step as on the page
E, NU, G = 100000.0, 0.307, 11046.58  # [elastic_tensor]


@pytest.fixture(scope="module")
def model_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    cell = re.search(r"```python\n%%writefile model.i\n(.*?)```", PAGE.read_text(), re.S)
    assert cell is not None
    path = tmp_path_factory.mktemp("taylor") / "model.i"
    path.write_text(cell.group(1))
    return path


def _rotations(n: int) -> torch.Tensor:
    gen = torch.Generator().manual_seed(7)
    q, r = torch.linalg.qr(torch.randn(n, 3, 3, generator=gen, dtype=F64))
    q = q * torch.sign(torch.diagonal(r, dim1=-2, dim2=-1)).unsqueeze(-2)
    q[:, :, 0] *= torch.linalg.det(q).unsqueeze(-1)
    return q


def _voigt_uniaxial_modulus(q: torch.Tensor) -> float:
    """sigma_zz / eps_zz of the grain-averaged rotated cubic stiffness under uniaxial stress."""
    c11, c12 = E * (1 - NU) / ((1 + NU) * (1 - 2 * NU)), E * NU / ((1 + NU) * (1 - 2 * NU))
    d = torch.eye(3, dtype=F64)
    C = (
        c12 * torch.einsum("ij,kl->ijkl", d, d)
        + G * (torch.einsum("ik,jl->ijkl", d, d) + torch.einsum("il,jk->ijkl", d, d))
        + (c11 - c12 - 2 * G) * torch.einsum("ia,ja,ka,la->ijkl", d, d, d, d)
    )
    Cs = torch.einsum("gia,gjb,gkc,gld,abcd->gijkl", q, q, q, q, C).mean(0)
    pairs = [(0, 0), (1, 1), (2, 2), (1, 2), (0, 2), (0, 1)]
    w = [1.0, 1.0, 1.0, 2**0.5, 2**0.5, 2**0.5]
    M = torch.tensor(
        [[Cs[a, b, c, e] * w[i] * w[j] for j, (c, e) in enumerate(pairs)] for i, (a, b) in enumerate(pairs)]
    )
    return 1.0 / torch.linalg.inv(M)[AXIAL, AXIAL].item()


def _loading(nt: int = NT):
    control = torch.zeros(nt, 1, 6, dtype=F64)
    control[..., AXIAL] = 1.0
    prescribed = torch.zeros(nt, 1, 6, dtype=F64)
    prescribed[..., AXIAL] = RATE
    times = torch.arange(nt, dtype=F64) * DT
    return control, prescribed, times


def _implicit_update(model_file: Path, q: torch.Tensor) -> list[float]:
    """The page's ``[model]`` (ImplicitUpdate + SchurComplement), stepped: the axial stress per step."""
    model = neml2.load_input(model_file).get_model("model")
    n = q.shape[0]
    control, prescribed, times = _loading()
    ori = MRP.from_matrix(R2(q, 1))
    state = {
        "elastic_strain~1": SR2(torch.zeros(1, n, 6, dtype=F64), sub_batch_ndim=1),
        "orientation~1": MRP(ori.data.unsqueeze(0), sub_batch_ndim=1),
        "slip_hardening~1": Scalar(torch.zeros(1, n, dtype=F64), sub_batch_ndim=1),
        "deformation_rate~1": SR2(torch.zeros(1, 6, dtype=F64)),
        "target_cauchy_stress~1": SR2(torch.zeros(1, 6, dtype=F64)),
    }
    axial = [0.0]
    with torch.no_grad():
        for k in range(1, NT):
            given = {
                "control": SR2(control[k]),
                "prescribed": SR2(prescribed[k]),
                "vorticity": WR2(torch.zeros(1, 3, dtype=F64)),
                "t": Scalar(times[k : k + 1]),
                "t~1": Scalar(times[k - 1 : k]),
                **state,
            }
            out = dict(zip(model.output_spec, model(*[given[i] for i in model.input_spec])))
            # mixed_state holds the deformation rate where it is controlled, z the stress there
            mixed, z, c = out["mixed_state"].data, out["z"].data, control[k] > 0
            state = {
                "elastic_strain~1": out["elastic_strain"],
                "orientation~1": out["orientation"],
                "slip_hardening~1": out["slip_hardening"],
                "deformation_rate~1": SR2(torch.where(c, mixed, z)),
                "target_cauchy_stress~1": SR2(torch.where(c, z, mixed)),
            }
            axial.append(z[0, AXIAL].item())
    return axial


def test_implicit_update_with_schur_complement(model_file: Path) -> None:
    q = _rotations(3)
    axial = _implicit_update(model_file, q)
    assert axial[1] == pytest.approx(_voigt_uniaxial_modulus(q) * RATE * DT, rel=1e-9)  # elastic first step
    assert axial[2] == pytest.approx(2 * axial[1], rel=1e-9)  # still elastic
    slope = [b - a for a, b in zip(axial[:-1], axial[1:])]
    assert slope[-1] < 0.3 * slope[0]  # yielding: the hardening slope is well below the elastic one
    assert all(s > 0 for s in slope)


def _pyzag(model_file: Path, q: torch.Tensor, include: list[str], nt: int, nchunk: int):
    from neml2.pyzag import NEML2PyzagModel

    nsys = neml2.load_nonlinear_system(model_file, "eq_sys")
    pm = NEML2PyzagModel(nsys, include_parameters=include)
    n = q.shape[0]
    ori = MRP.from_matrix(R2(q, 1))
    y0 = pm.assemble_state(
        {
            "elastic_strain": torch.zeros(1, n, 6, dtype=F64),
            "orientation": ori.dynamic_batch.unsqueeze(0),
            "slip_hardening": torch.zeros(1, n, dtype=F64),
            "deformation_rate": torch.zeros(1, 6, dtype=F64),
            "target_cauchy_stress": torch.zeros(1, 6, dtype=F64),
        },
        dynamic_dim=1,
    )
    control, prescribed, times = _loading(nt)
    forces = pm.assemble_forces(
        {
            "control": control,
            "prescribed": prescribed,
            "t": times.reshape(nt, 1),
            "vorticity": torch.zeros(nt, 1, 3, dtype=F64),
        },
        dynamic_dim=2,
    )
    return pm, y0, forces


def _solver(pm, nchunk: int):
    from pyzag import chunktime, nonlinear

    return nonlinear.RecursiveNonlinearEquationSolver(
        pm,
        step_generator=nonlinear.StepGenerator(nchunk),
        predictor=nonlinear.PreviousStepsPredictor(),
        nonlinear_solver=chunktime.ChunkNewtonRaphsonLineSearch(rtol=1e-10, atol=1e-8, linesearch_iter=5),
    )


def test_pyzag_agrees_with_the_implicit_update(model_file: Path) -> None:
    pytest.importorskip("pyzag")
    from pyzag import nonlinear

    q = _rotations(3)
    pm, y0, forces = _pyzag(model_file, q, [], NT, 5)
    assert [pm.slayout.var_size(v) for v in pm.slayout.vars()] == [18, 9, 3, 6, 6]  # 3 grains, then globals
    with torch.no_grad():
        traj = nonlinear.solve(_solver(pm, 5), y0, NT, forces)
    axial = traj[:, 0, -6 + AXIAL]
    torch.testing.assert_close(axial, torch.tensor(_implicit_update(model_file, q), dtype=F64), rtol=1e-8, atol=1e-6)


def test_pyzag_adjoint_gradient(model_file: Path) -> None:
    pytest.importorskip("pyzag")
    from pyzag import nonlinear

    q = _rotations(2)
    nt = 8
    pm, y0, forces = _pyzag(model_file, q, ["slip_strength_constant_strength", "voce_hardening_initial_slope"], nt, 4)

    def loss() -> torch.Tensor:
        return nonlinear.solve_adjoint(_solver(pm, 4), y0, nt, forces)[:, 0, -6 + AXIAL].sum() / 100.0

    value = loss()
    value.backward()
    for name, p in pm.named_parameters():
        h = 1e-5 * abs(p.item())
        with torch.no_grad():
            p += h
            up = loss()
            p -= 2 * h
            down = loss()
            p += h
        assert p.grad.item() == pytest.approx(((up - down) / (2 * h)).item(), rel=1e-4), name
    assert pm.slip_strength_constant_strength.grad.item() > 0  # a stronger crystal carries more stress


def test_newton_jacobian_kept_per_grain(model_file: Path) -> None:
    """``structure = 'block dense'``: the Newton Jacobian is one 10x10 block per grain (elastic strain,
    orientation, slip hardening) and the couplings to the 12 global unknowns, never the dense
    (10 G + 12)^2; assembled, it is the dense seeding's Jacobian, and its Schur solve the dense solve."""
    from neml2.models.common.system_evaluation import evaluate_blocks, evaluate_system

    sys = neml2.load_input(model_file).get_equation_system("eq_sys")
    n, G = 3, 4
    sys.set_sub_batch_shapes({u: (G,) for u in ("elastic_strain", "orientation", "slip_hardening")})
    gen = torch.Generator().manual_seed(11)
    rnd = lambda *s: torch.randn(*s, generator=gen, dtype=F64)  # noqa: E731
    control = torch.zeros(n, 6, dtype=F64)
    control[:, AXIAL] = 1.0
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
    given = {k: w for k, w in given.items() if k in sys.given}
    x = torch.cat(
        [1e-3 * rnd(n, 6 * G), 0.3 * rnd(n, 3 * G), 5.0 * rnd(n, G).abs(), 1e-4 * rnd(n, 6), 10.0 * rnd(n, 6)], -1
    )
    r, J = evaluate_blocks(sys, dict(given), x, (n,), who="test")
    assert (J.A.shape, J.B.shape, J.C.shape, J.D.shape) == ((n, G, 10, 10), (n, G, 10, 12), (n, 12, G, 10), (n, 12, 12))
    r_ref, J_ref, _ = evaluate_system(sys, dict(given), {}, (("", x),), (n,))
    torch.testing.assert_close(r, r_ref, rtol=1e-12, atol=1e-12)
    torch.testing.assert_close(J.dense(), J_ref, rtol=1e-10, atol=1e-10 * float(J_ref.abs().max()))
    assert float(J.C.abs().max()) > 0.0  # the grains feed the mean stress
    b = rnd(n, 10 * G + 12)
    torch.testing.assert_close(J.solve(b), torch.linalg.solve(J_ref, b), rtol=1e-8, atol=1e-12)
