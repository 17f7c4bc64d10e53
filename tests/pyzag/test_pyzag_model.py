"""``neml2.pyzag.NEML2PyzagModel`` on the optimization tutorials' Kocks-Mecking model (the docs'
``demo_model.i``, loaded in place): layouts, parameter names and order, the residual Jacobian
blocks against autograd, trajectories against the rate-independent closed form and against a
step-by-step integration, and adjoint parameter gradients against finite differences."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from km_demo import DEMO, closed_form_310

pytest.importorskip("pyzag", reason="the calibration extra (pyzag) is not installed")

import neml2  # noqa: E402
from neml2.pyzag import NEML2PyzagModel  # noqa: E402
from pyzag import chunktime, nonlinear, reparametrization  # noqa: E402

pytestmark = pytest.mark.skipif(not DEMO.is_file(), reason="the spec's tutorial folder is not next to the checkout")
F64 = torch.float64
CALIBRATED = ["A_value", "B_value", "C_value", "R_ordinate", "d_ordinate"]


@pytest.fixture(autouse=True)
def _small_batches(one_thread: None) -> None:
    """A few points per solve: intra-op threads only add overhead."""


def _pmodel(include: list[str] | None = CALIBRATED) -> NEML2PyzagModel:
    return NEML2PyzagModel(neml2.load_nonlinear_system(DEMO, "eq_sys"), include_parameters=include)


def _forces(pmodel: NEML2PyzagModel, rates: list[float], temps: list[float], ntime: int, max_strain: float):
    """Uniaxial strain ramps (axial strain given, the other stress components zero) at each
    (rate, temperature) pair: forces (ntime, npoints, nforce) and the strain history."""
    n = len(rates)
    strain = torch.linspace(0, max_strain, ntime, dtype=F64)
    t = torch.stack([strain / r for r in rates], dim=1)
    loading = torch.zeros(ntime, n, 6, dtype=F64)
    loading[..., 0] = strain[:, None]
    control = torch.zeros_like(loading)
    control[..., 1:] = 1.0
    temperature = torch.tensor(temps, dtype=F64).expand(ntime, n)
    f = pmodel.assemble_forces({"t": t, "temperature": temperature, "fixed_values": loading, "control": control})
    return f, strain


def _solve(pmodel, forces, nchunk: int, adjoint: bool = False) -> torch.Tensor:
    solver = nonlinear.RecursiveNonlinearEquationSolver(
        pmodel,
        step_generator=nonlinear.StepGenerator(nchunk),
        predictor=nonlinear.PreviousStepsPredictor(),
        nonlinear_solver=chunktime.ChunkNewtonRaphson(rtol=1e-10, atol=1e-8),
    )
    state0 = torch.zeros(forces.shape[1], pmodel.nstate, dtype=F64)
    if adjoint:
        return nonlinear.solve_adjoint(solver, state0, len(forces), forces)
    with torch.no_grad():
        return nonlinear.solve(solver, state0, len(forces), forces)


def test_layouts_and_parameters() -> None:
    pmodel = _pmodel()
    assert repr(pmodel) == "NEML2PyzagModel()"  # the system is not a submodule: parameters() is the calibrated set
    assert pmodel.slayout.vars() == ["mixed_state", "equivalent_plastic_strain", "gamma_rate_ri"]
    assert [pmodel.slayout.var_size(v) for v in pmodel.slayout.vars()] == [6, 1, 1]
    assert pmodel.nstate == 8
    assert sorted(pmodel.flayout.vars()) == ["control", "fixed_values", "t", "temperature"]
    assert pmodel.nforce == 14
    # the order the composition uses them (providers first, in the listed model order): the page prints
    # "R_ordinate, d_ordinate, C_value, A_value, B_value", and its RNG draws follow this order
    assert [n for n, _ in pmodel.named_parameters()] == ["R_ordinate", "d_ordinate", "C_value", "A_value", "B_value"]
    torch.testing.assert_close(pmodel.R_ordinate.data, torch.tensor([300.0, 200.0, 100.0, 50.0], dtype=F64))
    assert pmodel.A_value.item() == -8.679
    everything = _pmodel(None)
    names = [n for n, _ in everything.named_parameters()]
    assert {"elasticity_E", "elasticity_nu", "mu_ordinate", "Eerate_weight_0"} <= set(names)
    with pytest.raises(neml2.NEML2Error, match=r"no parameter 'A_valu'.*A_value"):
        _pmodel(["A_valu"])


def test_packing_errors() -> None:
    pmodel = _pmodel()
    with pytest.raises(neml2.NEML2Error, match="missing control, fixed_values; unknown strain"):
        pmodel.assemble_forces(
            {"t": torch.zeros(3, 2), "temperature": torch.zeros(3, 2), "strain": torch.zeros(3, 2, 6)}
        )
    with pytest.raises(neml2.NEML2Error, match=r"'mixed_state' is a SR2 \(base shape \(6,\)\)"):
        pmodel.assemble_state(
            {
                "mixed_state": torch.zeros(2, 3),
                "equivalent_plastic_strain": torch.zeros(2),
                "gamma_rate_ri": torch.zeros(2),
            }
        )


def test_jacobian_blocks_match_autograd() -> None:
    pmodel = _pmodel()
    forces, _ = _forces(pmodel, [1e-3, 1e-5, 1e-2], [310.0, 900.0, 1190.0], 6, 0.05)
    gen = torch.Generator().manual_seed(3)
    x = torch.rand(5, 3, 8, generator=gen, dtype=F64) * torch.tensor([300, 1e-3, 1e-3, 0, 0, 0, 1e-2, 1e-4], dtype=F64)
    xo = 0.5 * x
    R, J = pmodel.residual_and_jacobian(x, xo, forces[1:], forces[:-1])
    assert R.shape == (5, 3, 8) and J.shape == (5, 3, 8, 16)

    def per_point(fn, a):  # the block of each point: d R[k, b] / d a[k, b]
        full = torch.autograd.functional.jacobian(fn, a)  # (5, 3, 8, 5, 3, 8)
        return torch.stack([torch.stack([full[k, b, :, k, b] for b in range(3)]) for k in range(5)])

    diag = per_point(lambda a: pmodel.residual_and_jacobian(a, xo, forces[1:], forces[:-1])[0], x)
    sub = per_point(lambda a: pmodel.residual_and_jacobian(x, a, forces[1:], forces[:-1])[0], xo)
    torch.testing.assert_close(J[..., :8], diag, rtol=1e-9, atol=1e-6)
    torch.testing.assert_close(J[..., 8:], sub, rtol=1e-9, atol=1e-9)
    assert sub.abs().max() > 1e3  # the previous state enters (backward Euler)


def test_trajectories() -> None:
    """Chunks of 5 steps agree with the step-by-step recursion; 310 K follows the closed form at
    every rate; at 1190 K the stress rises with the rate."""
    pmodel = _pmodel()
    rates, temps = [1e-4, 1e-2, 1e-4, 1e-2], [310.0, 310.0, 1190.0, 1190.0]
    forces, strain = _forces(pmodel, rates, temps, 31, 0.075)
    by_chunks = _solve(pmodel, forces, 5)
    by_steps = _solve(pmodel, forces, 1)
    torch.testing.assert_close(by_chunks, by_steps, rtol=1e-7, atol=1e-6)
    sig = by_chunks[..., 0]
    for n in (5, 15, 30):
        want = closed_form_310(strain[n].item())
        torch.testing.assert_close(sig[n, :2], torch.full((2,), want, dtype=F64), rtol=1e-7, atol=0)
    assert sig[-1, 3] > 1.2 * sig[-1, 2]
    # it yields: the plastic strain grows (from roundoff zeros while still elastic) past half the strain
    ep = by_chunks[:, :, 6]
    assert (ep[1:] - ep[:-1] > -1e-20).all() and (ep[-1] > 0.5 * strain[-1]).all()


def test_adjoint_gradients_match_finite_differences() -> None:
    """d(loss)/d(parameter) by pyzag's adjoint (the factory's parameters, one reparametrized) against
    central differences of the same solve."""
    pmodel = _pmodel(["A_value", "C_value", "R_ordinate"])
    forces, _ = _forces(pmodel, [1e-3, 1e-2], [600.0, 1000.0], 13, 0.04)
    weights = torch.linspace(1.0, 2.0, 13, dtype=F64)[:, None]

    def loss() -> torch.Tensor:
        return (weights * _solve(pmodel, forces, 4, adjoint=True)[..., 0]).sum() / 1e3

    value = loss()
    value.backward()
    grads = {n: p.grad.clone() for n, p in pmodel.named_parameters()}
    for name, p in pmodel.named_parameters():
        flat = p.data.reshape(-1)
        for i in range(flat.numel()):
            h = 1e-6 * max(abs(flat[i].item()), 1.0)
            with torch.no_grad():
                flat[i] += h
                up = loss()
                flat[i] -= 2 * h
                down = loss()
                flat[i] += h
            fd = (up - down) / (2 * h)
            assert grads[name].reshape(-1)[i].item() == pytest.approx(fd.item(), rel=1e-4, abs=1e-8), (name, i)
    assert grads["C_value"].abs() > 1e-3  # the loss does depend on it

    # a RangeRescale reparametrization (pyzag's) is seen by the residual model: same loss, and the
    # chain rule through the scaling
    scaler = reparametrization.RangeRescale(torch.tensor(-12.0, dtype=F64), torch.tensor(-4.0, dtype=F64))
    holder = torch.nn.Module()  # pyzag names parameters from an enclosing module, as the pages do
    holder.discrete_equations = pmodel
    reparametrization.Reparameterizer({"discrete_equations.A_value": scaler})(holder)
    pmodel.zero_grad()
    again = loss()
    torch.testing.assert_close(again, value, rtol=1e-12, atol=0)
    again.backward()
    scaled = pmodel.parametrizations.A_value.original
    torch.testing.assert_close(scaled.grad, grads["A_value"] * 8.0, rtol=1e-8, atol=0)


def test_update_parameter_values() -> None:
    """The factory's (batched) values are written back into the system's own parameters."""
    pmodel = _pmodel()
    with torch.no_grad():
        pmodel.C_value.mul_(1.1)
        pmodel.R_ordinate.data = torch.tensor([[310.0, 210.0, 110.0, 60.0], [290.0, 190.0, 90.0, 40.0]], dtype=F64)
    pmodel._update_parameter_values()
    params = dict(pmodel.sys.model.named_parameters())
    torch.testing.assert_close(params["normality.flow.C.value"].data, torch.tensor(-5.41 * 1.1, dtype=F64))
    torch.testing.assert_close(params["R.ordinate"].data[1], torch.tensor([290.0, 190.0, 90.0, 40.0], dtype=F64))


RELAXATION = Path(__file__).with_name("relaxation.i")


def _relaxation(nsteps: int = 12):
    pmodel = NEML2PyzagModel(neml2.load_nonlinear_system(RELAXATION, "eq_sys"), include_parameters=["rate_weight_1"])
    t = torch.linspace(0.0, 1.2, nsteps + 1, dtype=F64)[:, None].expand(nsteps + 1, 3)
    f = torch.tensor([1.0, -0.5, 2.0], dtype=F64).expand(nsteps + 1, 3)
    return pmodel, pmodel.assemble_forces({"t": t, "f": f}), f[0]


def _relaxation_closed_form(k_in: float, f: torch.Tensor, nsteps: int, dt: float) -> torch.Tensor:
    """Backward Euler of x' = k_in f - 2 x from x = 0: x_n = (x_{n-1} + dt k_in f) / (1 + 2 dt)."""
    x, out = torch.zeros_like(f), [torch.zeros_like(f)]
    for _ in range(nsteps):
        x = (x + dt * k_in * f) / (1.0 + 2.0 * dt)
        out.append(x)
    return torch.stack(out)


def test_relaxation_closed_form_and_gradient() -> None:
    pmodel, forces, f = _relaxation()
    x = _solve(pmodel, forces, 4)[..., 0]
    torch.testing.assert_close(x, _relaxation_closed_form(2.0, f, 12, 0.1), rtol=1e-12, atol=1e-12)
    loss = _solve(pmodel, forces, 4, adjoint=True)[-1, :, 0].sum()
    loss.backward()
    # x_n is linear in k_in: d x_n / d k_in = x_n / k_in
    torch.testing.assert_close(pmodel.rate_weight_1.grad, x[-1].sum() / 2.0, rtol=1e-10, atol=0)


@pytest.mark.slow
def test_compiled_evaluation() -> None:
    """``neml2.compile`` compiles the evaluations without autograd (the forward solves); the adjoint
    stays eager and gives the same gradient."""
    pmodel, forces, f = _relaxation()
    eager = _solve(pmodel, forces, 4)
    assert neml2.compile(pmodel) is pmodel and pmodel._compiled is not None
    torch.testing.assert_close(_solve(pmodel, forces, 4), eager, rtol=1e-12, atol=1e-14)
    loss = _solve(pmodel, forces, 4, adjoint=True)[-1, :, 0].sum()
    loss.backward()
    torch.testing.assert_close(pmodel.rate_weight_1.grad, eager[-1, :, 0].sum() / 2.0, rtol=1e-10, atol=0)
