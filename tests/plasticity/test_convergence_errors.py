"""Failed solves raise a recoverable neml2.ConvergenceError naming the failing batch points."""

from __future__ import annotations

import pytest
import torch
from plasticity_helpers import deviatoric_uniaxial, initial_state, load

import neml2
from neml2.types import SR2, Scalar

# points 1 and 3 yield, points 0 and 2 stay elastic
AMP = torch.tensor([3e-4, 5e-3, 1e-4, 2e-2], dtype=torch.float64)


def _step(file: str, overrides: list[str], strain: torch.Tensor) -> None:
    model = load(file, overrides).get_model("model")
    inputs = initial_state(model, (strain.shape[0],))
    ones = torch.ones(strain.shape[0], dtype=torch.float64)
    inputs.update(strain=SR2(strain), t=Scalar(ones), **{"t~1": Scalar(0 * ones)})
    model.call_by_name(inputs)


def test_nan_strain_names_the_point() -> None:
    strain = deviatoric_uniaxial(AMP)
    strain[2, 1] = float("nan")
    with pytest.raises(neml2.ConvergenceError) as err:
        _step("j2_linear.i", [], strain)
    assert err.value.failed.tolist() == [2]
    assert err.value.reason == "non-finite residual" and "[2]" in str(err.value)
    assert err.value.recoverable


def test_no_iterations_allowed_names_the_plastic_points() -> None:
    """max_its = 0: the elastic points are solved by the zero initial guess, the plastic ones fail."""
    with pytest.raises(neml2.ConvergenceError) as err:
        _step("j2_linear.i", ["Solvers/newton/max_its=0"], deviatoric_uniaxial(AMP))
    assert err.value.failed.tolist() == [1, 3]
    assert err.value.reason == "max iterations" and "[1, 3]" in str(err.value)


@pytest.mark.parametrize(
    "file, overrides, reason",
    [
        # strong softening: no solution on the yield surface, Newton wanders until max_its
        ("j2_linear.i", ["Models/isoharden/hardening_modulus=-1e6"], "max iterations"),
        # a flow-rate exponent that overflows at the first iterate
        ("chaboche_viscoplastic.i", ["Models/flow_rate/exponent=400"], "non-finite residual"),
    ],
)
def test_divergent_parameters_name_the_plastic_points(file: str, overrides: list[str], reason: str) -> None:
    with pytest.raises(neml2.ConvergenceError) as err:
        _step(file, overrides, deviatoric_uniaxial(AMP))
    assert err.value.failed.tolist() == [1, 3]
    assert err.value.reason == reason


def test_the_same_model_recovers_after_a_failure() -> None:
    """The error is recoverable: the next call with a good input succeeds and is unaffected."""
    f = load("j2_linear.i")
    model = f.get_model("model")
    inputs = initial_state(model, (4,))
    ones = torch.ones(4, dtype=torch.float64)
    inputs.update(t=Scalar(ones), **{"t~1": Scalar(0 * ones)})
    bad = deviatoric_uniaxial(AMP)
    bad[0, 0] = float("inf")
    with pytest.raises(neml2.ConvergenceError):
        model.call_by_name({**inputs, "strain": SR2(bad)})
    good = model.call_by_name({**inputs, "strain": SR2(deviatoric_uniaxial(AMP))})
    fresh = load("j2_linear.i").get_model("model").call_by_name({**inputs, "strain": SR2(deviatoric_uniaxial(AMP))})
    torch.testing.assert_close(good["stress"].data, fresh["stress"].data, rtol=0, atol=0)
