"""A batch mixing elastic and plastic points and strain rates over five decades converges to the
results of solving every point on its own, to rounding (Newton freezes converged points, nothing couples them)."""

from __future__ import annotations

import pytest
import torch
from plasticity_helpers import initial_state, load, run_history

from neml2.types import SR2

N_STEPS = 6
# per point: strain amplitude (elastic: 1e-4; the others yield), time scale (strain rates 1e-3 .. 1e2 /s)
AMP = torch.tensor([1e-4, 4e-3, 4e-3, 1.5e-2, 1e-4, 8e-3, 4e-3], dtype=torch.float64)
TIME = torch.tensor([1.0, 1.0, 1e-4, 10.0, 1e-3, 1e-2, 100.0], dtype=torch.float64)
DIRS = torch.tensor(
    [
        [1.0, -0.5, -0.5, 0.0, 0.0, 0.0],
        [0.3, 0.9, -1.1, 0.2, -0.4, 0.1],
        [-1.0, 0.2, 0.9, 0.0, 0.6, 0.0],
        [0.5, -0.1, -0.3, 0.7, 0.0, -0.2],
        [0.2, 0.2, 0.2, 0.0, 0.0, 0.0],
        [0.0, 0.0, 0.0, 0.0, 0.0, 1.0],
        [0.8, -0.2, -0.4, -0.3, 0.2, 0.5],
    ],
    dtype=torch.float64,
)


def _histories() -> tuple[torch.Tensor, torch.Tensor]:
    s = torch.linspace(0, 1, N_STEPS, dtype=torch.float64)
    load_path = torch.cat([s[:4], s[3:4] - 0.5 * (s[4:] - s[3])])  # load, then partially unload
    times = s[:, None] * TIME[None, :]
    strains = load_path[:, None, None] * AMP[None, :, None] * SR2.fill(*DIRS.unbind(-1)).data[None]
    return times, strains


@pytest.mark.parametrize(
    "file, overrides",
    [
        ("j2_linear.i", []),
        ("j2_linear.i", ["Solvers/newton/type=NewtonWithLineSearch"]),
        ("j2_voce_kinematic.i", []),
        ("chaboche_viscoplastic.i", []),
        ("gtn.i", []),
    ],
)
def test_batch_equals_pointwise(file: str, overrides: list[str]) -> None:
    times, strains = _histories()
    n = times.shape[1]
    f = load(file, overrides)
    model = f.get_model("model")

    def run(idx: slice) -> list[dict[str, torch.Tensor]]:
        state = initial_state(model, (times[:, idx].shape[1],))
        if "void_fraction~1" in state:
            state["void_fraction~1"] = type(state["void_fraction~1"])(state["void_fraction~1"].data + 0.01)
        with torch.no_grad():
            history = run_history(model, times[:, idx], {"strain": strains[:, idx]}, state)
        return [{k: w.data for k, w in h.items()} for h in history]

    batched = run(slice(None))
    alone = [run(slice(i, i + 1)) for i in range(n)]
    plastic = batched[-1].get("equivalent_plastic_strain", batched[-1].get("isotropic_hardening"))
    # the batch really mixes elastic (zero up to rounding: the Fischer-Burmeister residual of an
    # elastic point, |f| - sqrt(f^2), vanishes only to rounding) and plastic points (> 1e-4)
    assert plastic is not None
    assert bool((plastic[[0, 4]].abs() < 1e-18).all()) and bool((plastic[[1, 2, 3, 5, 6]] > 1e-4).all()), plastic
    # 1e-10 relative to each variable's magnitude over the history (a rate that is ~0 at one step
    # carries only rounding noise there). Not bitwise: the BLAS contractions (einsum) sum in an
    # order that depends on the batch size, and that rounding (~1e-16 of the stress scale in the
    # residual) moves the converged solution by up to ~1e-11 relative over the history. A coupling
    # between points (e.g. a batch-wide convergence test) shows at the Newton tolerance, >= 1e-8.
    scale = {k: max(out[k].abs().max().item() for out in batched) for k in batched[-1]}
    for step, out in enumerate(batched):
        for k, value in out.items():
            single = torch.cat([alone[i][step][k] for i in range(n)])
            torch.testing.assert_close(
                value, single, rtol=1e-10, atol=1e-10 * scale[k], msg=lambda m: f"{k} @ {step}: {m}"
            )
