"""SR2IntermediateMean composed after a per-grain model: the Taylor average of the stresses of the grains
of a polycrystal (the grains are the strain's sub-batch axis), values by plain torch and v= tangents
against torch.autograd.functional.jacobian; plus the error for an input without a sub-batch axis."""

from __future__ import annotations

import pytest
import torch

import neml2
from neml2.errors import InputError
from neml2.types import SR2, TensorWrapper

F64 = torch.float64
E, NU = 200.0e3, 0.3
TEXT = """
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    strain = 'strain'
    stress = 'cauchy_stress'
    coefficients = '200e3 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
  [mean_stress]
    type = SR2IntermediateMean
    from = 'cauchy_stress'
    to = 'mean_cauchy_stress'
    reduces = 'grain'
  []
  [model]
    type = ComposedModel
    models = 'elasticity mean_stress'
  []
[]
"""


def _seed(data: torch.Tensor, sub_batch_ndim: int) -> SR2:
    out = object.__new__(SR2)
    TensorWrapper.__init__(out, data, sub_batch_ndim=sub_batch_ndim, k_ndim=1)
    return out


def _taylor_mean(strain: torch.Tensor) -> torch.Tensor:
    """Reference: sigma_g = 2 mu eps_g + lambda tr(eps_g) I per grain (Mandel vectors), mean over the grain
    axis (the second to last data axis)."""
    mu, lam = E / (2 * (1 + NU)), E * NU / ((1 + NU) * (1 - 2 * NU))
    eye = torch.tensor([1.0, 1.0, 1.0, 0.0, 0.0, 0.0], dtype=F64)
    stress = 2 * mu * strain + lam * strain[..., :3].sum(-1, keepdim=True) * eye
    return stress.mean(-2)


@pytest.fixture
def model():  # noqa: ANN201
    return neml2.load_string(TEXT).get_model("model")


def _out(y):  # noqa: ANN001, ANN202
    return y[0] if isinstance(y, tuple) else y


def test_values(model) -> None:  # noqa: ANN001
    torch.manual_seed(3)
    strain = 1e-3 * torch.randn(2, 3, 5, 6, dtype=F64)  # dynamic batch (2, 3), 5 grains
    y = _out(model(SR2(strain, sub_batch_ndim=1)))
    assert y.data.shape == (2, 3, 6) and y.sub_batch_ndim == 0
    torch.testing.assert_close(y.data, _taylor_mean(strain), rtol=1e-13, atol=1e-10)


def _check_jvp(model, strain: torch.Tensor, seeds: dict[str, tuple[torch.Tensor, int]]) -> None:  # noqa: ANN001
    """v= tangents of the composition along ``seeds`` (name: (data with one K axis, sub_batch_ndim)) against
    the full jacobian of the plain forward contracted with each seed broadcast to the strain's layout."""
    v = {"strain": {name: _seed(d, s) for name, (d, s) in seeds.items()}}
    y, t = model(SR2(strain, sub_batch_ndim=1), v=v)
    torch.testing.assert_close(_out(y).data, _taylor_mean(strain), rtol=1e-13, atol=1e-10)
    jac = torch.autograd.functional.jacobian(lambda e: _out(model(SR2(e, sub_batch_ndim=1))).data, strain)
    assert jac.shape == (*strain.shape[:-2], 6, *strain.shape)
    for name, (d, _) in seeds.items():
        s = d.reshape(d.shape[0], *(1,) * (strain.dim() + 1 - d.dim()), *d.shape[1:]).expand(-1, *strain.shape)
        want = torch.einsum("bijgk,ajgk->abi", jac, s)
        got = t["mean_cauchy_stress"][name]
        assert got.k_ndim == 1
        assert got.data.dim() <= want.dim(), f"seed {name}: tangent {tuple(got.data.shape)} vs {tuple(want.shape)}"
        torch.testing.assert_close(got.data.expand_as(want), want, rtol=1e-12, atol=1e-9)
    # the jacobian itself against the reference: d(mean sigma)/d(eps_g) = C / 4 for each of the 4 grains
    torch.testing.assert_close(jac, torch.autograd.functional.jacobian(_taylor_mean, strain), rtol=1e-12, atol=1e-9)


def test_jvp_against_jacobian(model) -> None:  # noqa: ANN001
    torch.manual_seed(5)
    strain = 1e-3 * torch.randn(2, 4, 6, dtype=F64)  # dynamic batch (2,), 4 grains
    seeds = {
        "full": (torch.randn(3, 2, 4, 6, dtype=F64), 1),  # K = 3 directions over the full per-grain layout
        "per_grain": (torch.randn(2, 4, 6, dtype=F64), 1),  # per grain, the same at every batch point
    }
    _check_jvp(model, strain, seeds)


def test_jvp_batch_free_seed(model) -> None:  # noqa: ANN001
    torch.manual_seed(6)
    strain = 1e-3 * torch.randn(2, 4, 6, dtype=F64)
    _check_jvp(model, strain, {"flat": (torch.randn(1, 6, dtype=F64), 0)})  # the same change in every grain


def test_input_without_sub_batch_axis(model) -> None:  # noqa: ANN001
    with pytest.raises(InputError, match=r"mean_stress.*'cauchy_stress'.*no sub-batch axis.*reduces = 'grain'"):
        model(SR2(torch.zeros(2, 4, 6, dtype=F64)))
