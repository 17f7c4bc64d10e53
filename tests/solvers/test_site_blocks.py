"""Newton Jacobians of ``block`` groups kept per site (neml2.solvers.site_blocks): storage shape, the
assembled matrix against the dense seeding of the same system, the solve, and refusal of a declared
block group whose sites are coupled."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch

import neml2
from neml2.errors import InputError
from neml2.models.common.system_evaluation import evaluate_blocks, evaluate_system
from neml2.solvers.site_blocks import SiteBlockJacobian
from neml2.types import MRP, SR2, WR2, Scalar

TESTS = Path(__file__).resolve().parents[1]
F64 = torch.float64
N, G = 4, 5
STATE = ("elastic_strain", "slip_hardening", "orientation")


def _single_crystal_as_grains(tmp_path: Path) -> Path:
    """tests/aoti/crystal.i with its per-crystal unknowns declared one block group."""
    text = (TESTS / "aoti" / "crystal.i").read_text()
    text = re.sub(r"(residuals = 'elastic_strain_residual[^\n]*\n)", r"\1    structure = 'block'\n", text)
    path = tmp_path / "grains.i"
    path.write_text(text)
    return path


def _given(gen: torch.Generator) -> dict:
    rnd = lambda *s: torch.randn(*s, generator=gen, dtype=F64)  # noqa: E731
    return {
        "t": Scalar(torch.full((N,), 2.0, dtype=F64)),
        "t~1": Scalar(torch.zeros(N, dtype=F64)),
        "deformation_rate": SR2(1e-3 * rnd(N, 6)),
        "vorticity": WR2(1e-4 * rnd(N, 3)),
        "elastic_strain~1": SR2(1e-3 * rnd(N, G, 6), sub_batch_ndim=1),
        "slip_hardening~1": Scalar(10.0 * rnd(N, G).abs(), sub_batch_ndim=1),
        "orientation~1": MRP(0.3 * rnd(N, G, 3), sub_batch_ndim=1),
    }


def _system(path: Path):
    return neml2.load_input(path).get_equation_system("eq_sys")


def test_pure_block_jacobian_is_per_grain(tmp_path: Path) -> None:
    sys = _system(_single_crystal_as_grains(tmp_path))
    sys.set_sub_batch_shapes({u: (G,) for u in sys.unknowns})
    gen = torch.Generator().manual_seed(3)
    given = _given(gen)
    x = torch.cat([1e-3 * torch.randn(N, G * 6, generator=gen, dtype=F64),
                   20.0 * torch.rand(N, G, generator=gen, dtype=F64),
                   0.3 * torch.randn(N, G * 3, generator=gen, dtype=F64)], -1)  # fmt: skip
    r, J = evaluate_blocks(sys, dict(given), x, (N,), who="test")
    assert isinstance(J, SiteBlockJacobian)
    assert J.A.shape == (N, G, 10, 10) and J.B is None and J.C is None and J.D is None  # never (N, 50, 50)
    r_ref, J_ref, _ = evaluate_system(sys, dict(given), {}, (("", x),), (N,))
    torch.testing.assert_close(r, r_ref, rtol=1e-13, atol=0.0)
    torch.testing.assert_close(J.dense(), J_ref, rtol=1e-12, atol=1e-12 * float(J_ref.abs().max()))
    b = torch.randn(N, G * 10, generator=gen, dtype=F64)
    torch.testing.assert_close(J.solve(b), torch.linalg.solve(J_ref, b), rtol=1e-9, atol=1e-12)
    v = torch.randn(N, G * 10, 2, generator=gen, dtype=F64)
    torch.testing.assert_close(J @ v, J_ref @ v, rtol=1e-12, atol=1e-10)
    # indexing by points, as Newton's active set does
    keep = torch.tensor([True, False, True, True])
    torch.testing.assert_close(J[keep].dense(), J_ref[keep])


def test_pure_block_implicit_update_matches_dense(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same step through ImplicitUpdate, per-site blocks and dense: the same solution."""
    import neml2.models.common.implicit_update as iu

    shapes = []

    def spy(*a: object, **kw: object) -> tuple:
        r, J = evaluate_blocks(*a, **kw)  # type: ignore[arg-type]
        shapes.append(tuple(J.A.shape))
        return r, J

    monkeypatch.setattr(iu, "evaluate_blocks", spy)
    gen = torch.Generator().manual_seed(5)
    given = _given(gen)
    given.update({u: given[f"{u}~1"] for u in STATE})  # the guess
    outs = []
    for path in (_single_crystal_as_grains(tmp_path), TESTS / "aoti" / "crystal.i"):
        model = neml2.load_input(path).get_model("update")
        with torch.no_grad():
            out = model.call_by_name({n: given[n] for n in model.input_spec})
        outs.append(out)
    blocked, dense = outs
    # every Newton iteration of the block system (the active points shrink as they converge)
    assert shapes[0] == (N, G, 10, 10) and {s[1:] for s in shapes} == {(G, 10, 10)}
    for name, w in dense.items():
        torch.testing.assert_close(blocked[name].data, w.data, rtol=1e-10, atol=1e-12)
    assert float(blocked["slip_hardening"].data.abs().max()) > 0.0


def test_coupled_sites_declared_block_are_refused() -> None:
    model = neml2.load_input(TESTS / "solvers" / "inputs" / "site_mixing_block.i").get_model("update")
    s = SR2(torch.zeros(2, 3, 6, dtype=F64), sub_batch_ndim=1)
    f = SR2(torch.randn(2, 3, 6, dtype=F64), sub_batch_ndim=1)
    with pytest.raises(InputError, match=r"(?s)site_mixing_block.i.*eq_sys.*structure.*other sites"):
        model.call_by_name({"s": s, "f": f})


def test_composed_zero_guess_takes_the_sites_of_the_old_values(tmp_path: Path) -> None:
    """Inside a ComposedModel the unknowns' initial guess is a zero without sites; their sub-batch
    shape comes from the old values ``u~1``: the same solution as the ImplicitUpdate given zero guesses."""
    path = _single_crystal_as_grains(tmp_path)
    given = _given(torch.Generator().manual_seed(8))
    composed = neml2.load_input(path).get_model("model")
    update = neml2.load_input(path).get_model("update")
    zeros = {u: given[f"{u}~1"]._new(torch.zeros_like(given[f"{u}~1"].data)) for u in STATE}
    with torch.no_grad():
        out = composed.call_by_name({n: given[n] for n in composed.input_spec})
        ref = update.call_by_name({n: {**given, **zeros}[n] for n in update.input_spec})
    assert out["cauchy_stress"].data.shape == (N, G, 6)
    for u in STATE:
        torch.testing.assert_close(out[u].data, ref[u].data, rtol=1e-12, atol=1e-14)


def test_autograd_through_per_site_blocks_matches_dense(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """d(loss)/d(parameter, old state) through the ImplicitUpdate: the per-site IFT (block Jacobian,
    residual on the graph) gives the dense route's gradients."""
    from neml2.models.common.implicit_update import ImplicitUpdate

    calls = []
    per_site = ImplicitUpdate._per_site_step
    monkeypatch.setattr(ImplicitUpdate, "_per_site_step", lambda *a: calls.append(1) or per_site(*a))
    given0 = _given(torch.Generator().manual_seed(9))
    grads = []
    for path in (_single_crystal_as_grains(tmp_path), TESTS / "aoti" / "crystal.i"):
        update = neml2.load_input(path).get_model("update")
        params = dict(update.named_parameters())
        for p in params.values():
            p.requires_grad_(True)
        old = given0["elastic_strain~1"].data.clone().requires_grad_(True)
        given = {**given0, "elastic_strain~1": SR2(old, sub_batch_ndim=1)}
        given.update({u: given[f"{u}~1"]._new(given[f"{u}~1"].data.detach()) for u in STATE})
        out = update.call_by_name({n: given[n] for n in update.input_spec})
        loss = (out["elastic_strain"].data ** 2).sum() * 1e6 + out["slip_hardening"].data.sum()
        names = sorted(params)
        grads.append(dict(zip([*names, "old"], torch.autograd.grad(loss, [*(params[n] for n in names), old]))))
    blocked, dense = grads
    assert calls == [1]  # the block file's step; the dense file's takes the dense IFT
    assert set(blocked) == set(dense) and len(blocked) > 3
    for name, g in dense.items():
        torch.testing.assert_close(blocked[name], g, rtol=1e-8, atol=1e-10 * float(g.abs().max())), name
    assert float(dense["old"].abs().max()) > 0.0


def test_jvp_through_per_site_blocks_matches_dense(tmp_path: Path) -> None:
    """``v=`` tangents of the solution (a global input and a per-grain old state seeded): the per-site
    IFT gives the dense route's."""
    from neml2.models.chain_rule import seeds

    given = _given(torch.Generator().manual_seed(12))
    given.update({u: given[f"{u}~1"] for u in STATE})
    v = {
        "deformation_rate": {"D": seeds(SR2, dtype=F64)},
        "elastic_strain~1": {"E": seeds(SR2, dtype=F64, sub=(G,))},
    }
    res = []
    for path in (_single_crystal_as_grains(tmp_path), TESTS / "aoti" / "crystal.i"):
        update = neml2.load_input(path).get_model("update")
        with torch.no_grad():
            *_, v_out = update(*[given[n] for n in update.input_spec], v=v)
        res.append(v_out)
    blocked, dense = res
    assert set(blocked) == set(dense) == set(STATE)
    for u, per in dense.items():
        assert set(blocked[u]) == set(per) == {"D", "E"}
        for leaf, t in per.items():
            assert blocked[u][leaf].data.shape == t.data.shape
            torch.testing.assert_close(blocked[u][leaf].data, t.data, rtol=1e-9, atol=1e-10 * float(t.data.abs().max()))
    assert float(dense["elastic_strain"]["E"].data.abs().max()) > 0.1


def test_a_singular_site_block_names_its_point() -> None:
    from neml2.errors import ConvergenceError
    from neml2.solvers.site_blocks import SiteLayout

    layout = SiteLayout.build((0,), (3,), [3 * 2], [3 * 2])
    A = torch.eye(2, dtype=F64).expand(4, 3, 2, 2).clone()
    A[2, 1] = 0.0  # point 2, site 1
    with pytest.raises(ConvergenceError, match=r"singular.*1 point\(s\) \(first: \[2\]\)") as e:
        SiteBlockJacobian(layout, A).solve(torch.ones(4, 6, dtype=F64))
    assert e.value.failed.tolist() == [2]
    b = torch.arange(24, dtype=F64).reshape(4, 6)
    torch.testing.assert_close(
        SiteBlockJacobian(layout, 2 * torch.eye(2, dtype=F64).expand(4, 3, 2, 2)).solve(b), b / 2
    )


def test_a_non_finite_state_is_a_convergence_error_not_a_coupling(tmp_path: Path) -> None:
    """A NaN initial guess at one point: the site-coupling probe, whose tangents are then non-finite, stays
    silent (and is not recorded as done) and Newton reports the point, recoverably."""
    from neml2.errors import ConvergenceError

    update = neml2.load_input(_single_crystal_as_grains(tmp_path)).get_model("update")
    given = _given(torch.Generator().manual_seed(4))
    given.update({u: given[f"{u}~1"] for u in STATE})
    bad = given["slip_hardening"].data.clone()
    bad[1, 2] = float("nan")
    given["slip_hardening"] = Scalar(bad, sub_batch_ndim=1)
    with torch.no_grad(), pytest.raises(ConvergenceError, match="non-finite") as e:
        update.call_by_name({n: given[n] for n in update.input_spec})
    assert 1 in e.value.failed.tolist()
    assert getattr(update.system, "_sites_checked", None) is None
