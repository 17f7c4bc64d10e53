"""The optimization tutorials' Kocks-Mecking viscoplastic model, loaded in place from the spec
(docs/tutorials/optimization/demo_model.i; deterministic/ and statistical/ hold the same file) and run
as the deterministic page (deterministic/main.md) runs it: ``load_nonlinear_system(..., "eq_sys")``,
uniaxial strain control through MixedControlSetup (axial strain given, the other five stress
components zero), the page's grid of 5 strain rates (logspace(-6, 0)) x 5 temperatures
(linspace(310, 1190)), 0.25 strain in 100 steps.

The page integrates the system with pyzag (not a dependency here): a backward-Euler recursion over
the time steps, Newton on the system's residual and Jacobian at each step. ``_integrate`` does the
same one step at a time, the residual and Jacobian from the model's forward-mode tangents. (The
system's own ImplicitUpdate is not used: its batch broadcast takes the interpolation tables' knot
axis -- 20 and 4 knots -- for a batch axis.)

Checks: the response is finite, elastic then yielding; at 310 K (rate-independent regime, g << g0)
the stress solves the closed-form uniaxial J2 / Voce return, sigma = E (eps - ep) = mu exp(C) +
R (1 - exp(-d ep)), and does not depend on the rate, at 1190 K (g > g0) it rises with the rate; and
the numbers the page prints: the true parameter values, the random initial guesses (the page's RNG
sequence, torch.manual_seed(0)) and the loss of the first calibration iteration, 3.812e+03 (the
page runs in double precision, as here; its pyzag Newton stops at rtol 1e-6 / atol 1e-4, ours is
tighter, which does not move the printed digits).
"""

from __future__ import annotations

import pytest
import torch

import neml2
from km_demo import DEMO, E, closed_form_310
from neml2.models.chain_rule import seeds
from neml2.types import SR2, Scalar

F64 = torch.float64
pytestmark = pytest.mark.skipif(not DEMO.is_file(), reason="the spec's tutorial folder is not next to the checkout")

#: the page's calibrated parameters (pyzag names) -> our parameter names, and their true values as printed
PARAMS = {
    "R_ordinate": ("R.ordinate", [300.0, 200.0, 100.0, 50.0]),
    "d_ordinate": ("d.ordinate", [30.0, 20.0, 15.0, 12.0]),
    "C_value": ("C.value", -5.41),
    "A_value": ("A.value", -8.679),
    "B_value": ("B.value", -0.744),
}
NRATE, NTEMP, MAX_STRAIN, NTIME = 5, 5, 0.25, 100


@pytest.fixture(autouse=True)
def _small_batches(one_thread: None) -> None:
    """The batch is small (25 points): intra-op threads only add overhead."""


def _system():
    return neml2.load_nonlinear_system(DEMO, "eq_sys")


def _parameter(system, key: str) -> torch.nn.Parameter:
    """The model parameter named ``<block>.<slot>`` (wherever the composition nests that block)."""
    hits = {n: p for n, p in system.model.named_parameters() if n == key or n.endswith("." + key)}
    assert len(hits) == 1, f"{key}: {sorted(hits)}"
    return next(iter(hits.values()))


def _conditions(ntime: int = NTIME) -> dict[str, torch.Tensor]:
    """The page's loading grid: (ntime, nrate * ntemp) times / temperatures, (ntime, nbatch, 6) loading."""
    rates = torch.logspace(-6, 0, NRATE, dtype=F64)
    temperatures = torch.linspace(310.0, 1190.0, NTEMP, dtype=F64)
    time = torch.zeros((ntime, NRATE, NTEMP), dtype=F64)
    loading = torch.zeros((ntime, NRATE, NTEMP, 6), dtype=F64)
    temperature = torch.zeros((ntime, NRATE, NTEMP), dtype=F64)
    for i, rate in enumerate(rates):
        time[:, i] = torch.linspace(0, MAX_STRAIN / rate, ntime, dtype=F64)[:, None]
    loading[..., 0] = torch.linspace(0, MAX_STRAIN, ntime, dtype=F64)[:, None, None]
    for i, T in enumerate(temperatures):
        temperature[:, :, i] = T
    control = torch.zeros((ntime, NRATE * NTEMP, 6), dtype=F64)
    control[..., 1:] = 1.0  # axial strain given, the other stress components
    return {
        "t": time.reshape(ntime, -1),
        "temperature": temperature.reshape(ntime, -1),
        "fixed_values": loading.reshape(ntime, -1, 6),
        "control": control,
        "rates": rates,
        "temperatures": temperatures,
    }


def _unknowns(system, x: torch.Tensor) -> dict:
    out, off = {}, 0
    for u, t, s in zip(system.unknowns, system.unknown_types, system.unknown_sizes):
        out[u] = t(x[:, off : off + s].reshape(-1, *t.BASE_SHAPE))
        off += s
    return out


def _residual(system, given: dict, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """Residual (N, n) and Jacobian (N, n, n) of the system at the unknowns ``x`` (N, n)."""
    N, n = x.shape
    state = given | _unknowns(system, x)
    v, off = {}, 0
    for u, t, s in zip(system.unknowns, system.unknown_types, system.unknown_sizes):
        v[u] = {"x": seeds(t, total=n, offset=off, dtype=x.dtype)}
        off += s
    model = system.model
    *outs, tangents = model(*[state[k] for k in model.input_spec], v=v)
    out = dict(zip(model.output_spec, outs))
    rs, Js = [], []
    for r, s in zip(system.residuals, system.residual_sizes):
        rs.append(out[r].data.expand(N, *out[r].BASE_SHAPE).reshape(N, s))
        j = tangents[r]["x"].data
        if j.dim() == 1 + len(out[r].BASE_SHAPE):  # batch-free tangent
            j = j.unsqueeze(1)
        Js.append(j.expand(n, N, *out[r].BASE_SHAPE).reshape(n, N, s).permute(1, 2, 0))
    return torch.cat(rs, -1), torch.cat(Js, 1)


def _integrate(system, c: dict[str, torch.Tensor], nsteps: int) -> dict[str, torch.Tensor]:
    """Backward Euler through the first ``nsteps`` steps from the zero state: the stress history
    (nsteps + 1, nbatch, 6) (mixed_state: stress where the strain is given, strain elsewhere) and the
    equivalent plastic strain."""
    nb = c["t"].shape[1]
    x = torch.zeros(nb, sum(system.unknown_sizes), dtype=F64)
    hist, ep = [x[:, :6].clone()], [x[:, 6].clone()]
    with torch.no_grad():
        for i in range(1, nsteps + 1):
            old = _unknowns(system, x)
            given = {
                "temperature": Scalar(c["temperature"][i]),
                "t": Scalar(c["t"][i]),
                "t~1": Scalar(c["t"][i - 1]),
                "control": SR2(c["control"][i]),
                "control~1": SR2(c["control"][i - 1]),
                "fixed_values": SR2(c["fixed_values"][i]),
                "fixed_values~1": SR2(c["fixed_values"][i - 1]),
                "mixed_state~1": old["mixed_state"],
                "equivalent_plastic_strain~1": old["equivalent_plastic_strain"],
            }
            r, J = _residual(system, given, x)
            r0 = r.norm(dim=-1)
            for _ in range(50):
                nr = r.norm(dim=-1)
                if bool(((nr <= 1e-8) | (nr <= 1e-10 * r0)).all()):
                    break
                x = x - torch.linalg.solve(J, r.unsqueeze(-1)).squeeze(-1)
                r, J = _residual(system, given, x)
            else:
                raise AssertionError(f"step {i}: Newton did not converge, |r| = {r.norm(dim=-1).max():.3e}")
            hist.append(x[:, :6].clone())
            ep.append(x[:, 6].clone())
    return {"mixed_state": torch.stack(hist), "ep": torch.stack(ep)}


def test_loads_with_the_documented_parameters() -> None:
    system = _system()
    assert system.unknowns == ["mixed_state", "equivalent_plastic_strain", "gamma_rate_ri"]
    assert system.residuals == ["stress_residual", "equivalent_plastic_strain_residual", "complementarity"]
    # the page's "True value" lines
    for key, value in PARAMS.values():
        torch.testing.assert_close(_parameter(system, key).data, torch.tensor(value, dtype=F64))


def test_stress_strain_response() -> None:
    """A shortened run (the first 30 of the page's 99 steps, strain 0 -> 0.0758) with the file's parameters."""
    system = _system()
    c = _conditions()
    nsteps = 30
    out = _integrate(system, c, nsteps)
    sig = out["mixed_state"][..., 0].reshape(nsteps + 1, NRATE, NTEMP)  # axial stress [step, rate, T]
    lateral = out["mixed_state"][..., 1:]  # the strains of the stress-free directions
    eps = c["fixed_values"][: nsteps + 1, 0, 0]
    ep = out["ep"].reshape(nsteps + 1, NRATE, NTEMP)
    assert torch.isfinite(out["mixed_state"]).all() and torch.isfinite(out["ep"]).all()
    # first step elastic up to 750 K (g < g0, below the yield stress): sigma = E eps, lateral strains -nu eps
    e1 = eps[1].item()
    torch.testing.assert_close(sig[1, :, :3], torch.full((NRATE, 3), E * e1, dtype=F64), rtol=1e-9, atol=0)
    lat1 = lateral[1, :, :2].reshape(NRATE, NTEMP, 2)[:, :3]
    torch.testing.assert_close(lat1, torch.full((NRATE, 3, 2), -0.3 * e1, dtype=F64), rtol=1e-9, atol=0)
    # 970 K: elastic at the fast rates; at 1e-6 /s g is near g0 and viscous flow already relaxes the first step
    torch.testing.assert_close(sig[1, 1:, 3], torch.full((NRATE - 1,), E * e1, dtype=F64), rtol=1e-6, atol=0)
    assert sig[1, 0, 3] < 0.99 * E * e1
    # then it yields: plastic strain grows, the stress stays far below the elastic line
    assert (ep[-1] > 0.5 * eps[-1]).all()
    assert (sig[-1] < 0.2 * E * eps[-1]).all()
    assert (sig[-1] > sig[-2]).all()  # still hardening
    # 310 K: the rate-independent J2 / Voce closed form, the same at every rate
    for n in (10, 20, 30):
        want = torch.full((NRATE,), closed_form_310(eps[n].item()), dtype=F64)
        torch.testing.assert_close(sig[n, :, 0], want, rtol=1e-9, atol=1e-9)
    # 1190 K: rate-dependent flow, the stress rises with the strain rate (the two fastest rates reach the plateau)
    hot = sig[-1, :, -1]
    assert (hot[1:4] > hot[:3] * 1.2).all(), hot
    assert hot[4] >= hot[3] - 1e-6


@pytest.mark.slow
def test_page_numbers() -> None:
    """The page's RNG sequence, initial guesses and first-iteration loss (the full 99-step histories)."""
    import torch.distributions as dist

    system = _system()
    c = _conditions()
    params = {name: _parameter(system, key) for name, (key, _) in PARAMS.items()}
    nbatch = NRATE * NTEMP
    torch.manual_seed(0)
    actual = {n: p.data.detach().clone() for n, p in params.items()}
    for p in params.values():  # "Replace with samples from normal", actual_cov = 0.025
        p.data = dist.Normal(p.data, torch.abs(p.data) * 0.025).expand((nbatch,) + p.shape).sample()
    data = _integrate(system, c, NTIME - 1)["mixed_state"][..., 0:1]
    for n, p in params.items():  # the initial guesses, guess_cov = 0.2
        p.data = torch.normal(actual[n], torch.abs(actual[n]) * 0.2)
    printed = {  # "Initial:" lines of the page
        "R_ordinate": [227.7290, 202.4648, 111.1118, 46.2974],
        "d_ordinate": [29.1293, 17.0646, 11.9918, 14.9415],
        "C_value": -5.3774,
        "A_value": -10.4924,
        "B_value": -0.7319,
    }
    for n, value in printed.items():
        torch.testing.assert_close(params[n].data, torch.tensor(value, dtype=F64), rtol=0, atol=5e-5)
    initial = _integrate(system, c, NTIME - 1)["mixed_state"][..., 0:1]
    assert torch.isfinite(data).all() and torch.isfinite(initial).all()
    loss = torch.nn.MSELoss()(initial, data).item()
    assert f"{loss:.3e}" == "3.812e+03", loss  # "Iteration    1/200    loss = 3.812e+03"
