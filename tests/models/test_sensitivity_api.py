"""model.jvp / model.jacobian (the typed derivative surface keyed by variable name) against torch
autograd: an explicit leaf with broadcast batches and the implicit J2 model of tests/regression."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

import neml2
from neml2.types import SR2, Tensor

HERE = Path(__file__).resolve().parent
J2 = HERE.parent / "regression" / "j2_viscoplasticity.i"

ELASTIC = """
[Models]
  [m]
    type = LinearIsotropicElasticity
    coefficients = '200e3 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
"""


def _autograd_blocks(model, inputs: dict[str, torch.Tensor]) -> dict[tuple[str, str], torch.Tensor]:
    """Per-point d output / d input by autograd (points are independent: sum over the batch)."""
    names = list(model.input_spec)

    def f(*xs: torch.Tensor) -> tuple[torch.Tensor, ...]:
        outs = model(*[model.input_spec[n](x) for n, x in zip(names, xs)])
        outs = outs if isinstance(outs, tuple) else (outs,)
        return tuple(o.data.sum(0) for o in outs)

    jac = torch.autograd.functional.jacobian(f, tuple(inputs[n] for n in names))
    out = {}
    for o, row in zip(model.output_spec, jac):
        for n, block in zip(names, row):
            # (*out_base, N, *in_base) -> (N, *out_base, *in_base)
            nb = len(model.output_spec[o].BASE_SHAPE)
            out[(o, n)] = block.movedim(nb, 0)
    return out


def test_leaf_jvp_and_jacobian() -> None:
    m = neml2.load_string(ELASTIC).get_model("m")
    eps = torch.randn(4, 6, dtype=torch.float64)
    deps = torch.randn(6, dtype=torch.float64)  # one direction for every point (broadcast)
    outs, jv = m.jvp({"strain": eps}, {"strain": SR2(deps)})
    outs2, J = m.jacobian({"strain": SR2(eps)})
    assert isinstance(jv["stress"], SR2) and jv["stress"].data.shape == (4, 6)
    blk = J["stress"]["strain"]
    assert isinstance(blk, Tensor) and blk.base_ndim == 2 and blk.data.shape == (4, 6, 6)
    ref = _autograd_blocks(m, {"strain": eps})[("stress", "strain")]
    torch.testing.assert_close(blk.data, ref, rtol=1e-12, atol=1e-9)
    torch.testing.assert_close(jv["stress"].data, ref @ deps, rtol=1e-12, atol=1e-9)
    torch.testing.assert_close(outs["stress"].data, outs2["stress"].data)
    # linear: the stress is the Jacobian applied to the strain
    torch.testing.assert_close(outs["stress"].data, (ref @ eps[..., None])[..., 0], rtol=1e-12, atol=1e-9)


def test_implicit_model_jacobian_matches_autograd() -> None:
    m = neml2.load_model(J2, "model")
    d = torch.float64
    n = 3
    vals = {}
    for name, t in m.input_spec.items():
        if t is SR2:
            vals[name] = torch.tensor([0.004, -0.001, -0.001, 0.0005, 0.0, 0.0002], dtype=d) * torch.arange(
                1, n + 1, dtype=d
            )[:, None]
            if name.endswith("~1"):
                vals[name] = 0.5 * vals[name]
        else:
            vals[name] = torch.full((n,), 1.0 if name == "t" else 0.0, dtype=d)
    outs, J = m.jacobian(vals)
    ref = _autograd_blocks(m, vals)
    for (o, i), block in ref.items():
        torch.testing.assert_close(J[o][i].data, block, rtol=1e-7, atol=1e-7, msg=f"d{o}/d{i}")
    _, jv = m.jvp(vals, {"strain": torch.ones(6, dtype=d)})
    want = ref[("stress", "strain")] @ torch.ones(6, dtype=d)
    torch.testing.assert_close(jv["stress"].data, want, rtol=1e-7, atol=1e-7)


def test_bad_names_are_errors() -> None:
    m = neml2.load_string(ELASTIC).get_model("m")
    with pytest.raises(neml2.InputError, match="unknown input 'strian'; inputs: strain"):
        m.jacobian({"strian": torch.zeros(6)})
    with pytest.raises(neml2.InputError, match="missing input 'strain'"):
        m.jvp({}, {"strain": torch.zeros(6)})
