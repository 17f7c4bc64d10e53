"""[Settings] example_batch_shape and dynamic_batch on the compiled route: the graphs are traced at
the declared example batch, a per-variable '(dyn; sub)' sub-batch shape is baked in, and with
dynamic_batch = false the artifact serves exactly the example batch and refuses another size."""

from __future__ import annotations

import json
from typing import Any

import pytest
import torch
from aoti_cases import CASES

import neml2
from neml2.aoti import AOTIModel, Model, PyModel
from neml2.aoti.export import ExampleBatch, example_batch
from neml2.errors import InputError
from neml2.settings import BatchSpec
from neml2.types import SR2

RUNTIMES = [PyModel] + ([Model] if Model is not PyModel else [])
E, NU = 200e3, 0.3


def closed_form(eps: torch.Tensor) -> torch.Tensor:
    """Isotropic Hooke's law in Mandel notation: 2 mu eps + lambda tr(eps) I."""
    mu, lam = E / (2 * (1 + NU)), E * NU / ((1 + NU) * (1 - 2 * NU))
    tr = eps[..., :3].sum(-1, keepdim=True)
    return 2 * mu * eps + lam * tr * torch.tensor([1.0, 1, 1, 0, 0, 0], dtype=eps.dtype)


def strains(n: int, sites: int = 4) -> torch.Tensor:
    g = torch.Generator().manual_seed(n)
    return 1e-3 * torch.randn(n, sites, 6, generator=g, dtype=torch.float64)


def test_example_batch_from_settings() -> None:
    """The reader: uniform and per-variable shapes, the broadcast of the per-variable dynamic parts,
    sub-batch shapes only where written, dynamic unless the file says dynamic_batch = false."""
    f = neml2.load_input(CASES["batch_settings"][0])
    b = example_batch(f, f.get_model("elasticity"))
    assert b == ExampleBatch((2,), {"strain": (4,)}, False) and b.n == 2
    text = "[Models]\n[m]\ntype = LinearIsotropicElasticity\ncoefficients = '1 0.3'\n"
    text += "coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'\n[]\n[]\n"
    f = neml2.load_string("[Settings]\nexample_batch_shape = '(5,3)'\n[]\n" + text)
    assert example_batch(f, f.get_model("m")) == ExampleBatch((5, 3), {}, True)
    f = neml2.load_string("[Settings]\ndynamic_batch = true\nexample_batch_shape = '(1; )'\n[]\n" + text)
    b = example_batch(f, f.get_model("m"))
    assert (b.dynamic, b.sub, b.dynamic_batch, b.trace_n) == ((1,), {}, True, 2)
    f = neml2.load_string(text)
    assert example_batch(f, f.get_model("m")) == ExampleBatch()
    f = neml2.load_string("[Settings]\n[example_batch_shape]\nstrian = '(2; 4)'\n[]\n[]\n" + text)
    with pytest.raises(InputError, match=r"Settings.*example_batch_shape/strian.*'strian' is not a variable of model"):
        example_batch(f, f.get_model("m"))
    assert f.batch_spec() is None and BatchSpec((2,), (4,)) == neml2.load_input(CASES["batch_settings"][0]).batch_spec(
        "strain"
    )


@pytest.mark.slow
@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_sub_batch_and_static_batch(compiled: Any, runtime: type) -> None:
    art = compiled("batch_settings")
    meta = json.loads((art.folder / "metadata.json").read_text())
    assert meta["batch"] == {"example_batch_shape": [2], "dynamic_batch": False}
    assert meta["variables"]["strain"] == {"type": "SR2", "base_shape": [4, 6], "sub_batch_shape": [4]}
    assert meta["variables"]["stress"] == {"type": "SR2", "base_shape": [4, 6], "sub_batch_shape": [4]}
    m = runtime(str(art.folder))
    eps = strains(2)
    out = m.forward({"strain": eps})["stress"]
    assert out.shape == (2, 4, 6)
    torch.testing.assert_close(out, closed_form(eps), rtol=1e-12, atol=1e-9)
    eager = neml2.load_input(CASES["batch_settings"][0]).get_model("elasticity")
    torch.testing.assert_close(out, eager(SR2(eps, sub_batch_ndim=1)).data, rtol=1e-14, atol=1e-10)
    for n in (1, 3):
        with pytest.raises(RuntimeError, match=r"compiled for a batch of exactly 2 points .*dynamic_batch = false"):
            m.forward({"strain": strains(n)})


@pytest.mark.slow
def test_static_batch_through_the_stub(compiled: Any) -> None:
    """The stub's AOTIModel serves the example batch and refuses another size."""
    art = compiled("batch_settings")
    model = neml2.load_model(str(art.stub), "elasticity")
    assert isinstance(model, AOTIModel)
    eps = strains(2)
    (stress,) = model(SR2(eps))
    torch.testing.assert_close(stress.data, closed_form(eps), rtol=1e-12, atol=1e-9)
    with pytest.raises(RuntimeError, match="compiled for a batch of exactly 2 points"):
        model(SR2(strains(5)))


@pytest.mark.slow
def test_sub_batch_with_derivatives(tmp_path: Any) -> None:
    """-d with a per-site variable: each site its own Jacobian columns, so the blocks couple every
    output site to every input site: the stiffness on the site diagonal, zero across sites, in both
    runtimes and in the eager runtime; the jvp is the Jacobian's contraction."""
    from neml2.aoti.eager import EagerModel
    from neml2.aoti.export import compile_file

    res = compile_file(CASES["batch_settings"][0], "elasticity", tmp_path, derivatives=[":"])
    eps, d = strains(2), strains(2) * 1e3
    lam, mu = E * NU / ((1 + NU) * (1 - 2 * NU)), E / (2 * (1 + NU))
    C = 2 * mu * torch.eye(6, dtype=torch.float64)
    C[:3, :3] += lam
    expected = torch.einsum("ab,ij->aibj", torch.eye(4, dtype=torch.float64), C).expand(2, 4, 6, 4, 6)
    eager = EagerModel(CASES["batch_settings"][0], "elasticity")
    for m in [runtime(str(res.meta_path.parent)) for runtime in RUNTIMES] + [eager]:
        _, J = m.jacobian({"strain": eps})
        torch.testing.assert_close(J["stress"]["strain"], expected, rtol=1e-12, atol=1e-6)
        _, jv = m.jvp({"strain": eps}, {"strain": d})
        torch.testing.assert_close(jv["stress"], torch.einsum("naibj,nbj->nai", expected, d), rtol=1e-12, atol=1e-6)
