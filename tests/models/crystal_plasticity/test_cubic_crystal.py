"""CubicCrystal: the symmetry-expanded slip systems (checked by enumeration, not by the expansion's own
rule) and its [Data] loading, as the documented crystal-plasticity input files give it."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import torch

import neml2
from neml2.models.solid_mechanics.crystal_plasticity.cubic_crystal import CubicCrystal, cubic_rotations
from neml2.types import MillerIndex

DOCS = Path(__file__).resolve().parents[3] / ".." / "shared" / "spec" / "docs" / "modules" / "solid_mechanics"
CP = DOCS / "crystal_plasticity"


def _crystal(d: list[int], n: list[int]) -> CubicCrystal:
    return CubicCrystal(
        lattice_parameter=1.0, slip_directions=MillerIndex(torch.tensor(d)), slip_planes=MillerIndex(torch.tensor(n))
    )


def _brute_force(d: tuple[int, ...], n: tuple[int, ...]) -> set[frozenset]:
    """Every (direction, plane) of the two families found by trying all signed permutations of the
    indices, perpendicular pairs only, identified up to the signs of each."""

    def members(v: tuple[int, ...]) -> set[tuple[int, ...]]:
        out = set()
        for p in itertools.permutations(v):
            for s in itertools.product((1, -1), repeat=3):
                out.add(tuple(a * b for a, b in zip(p, s)))
        return out

    pairs = set()
    for u in members(d):
        for m in members(n):
            if sum(a * b for a, b in zip(u, m)) == 0:
                neg_u, neg_m = tuple(-x for x in u), tuple(-x for x in m)
                pairs.add(frozenset({(u, m), (neg_u, m), (u, neg_m), (neg_u, neg_m)}))
    return pairs


def test_cubic_rotations_are_the_proper_point_group() -> None:
    R = cubic_rotations()
    assert R.shape == (24, 3, 3)
    eye = torch.eye(3, dtype=R.dtype)
    torch.testing.assert_close(R @ R.transpose(-1, -2), eye.expand(24, 3, 3))
    torch.testing.assert_close(torch.linalg.det(R), torch.ones(24, dtype=R.dtype))
    assert len({tuple(m.flatten().tolist()) for m in R}) == 24


@pytest.mark.parametrize(
    ("d", "n", "nslip"),
    [((1, 1, 0), (1, 1, 1), 12), ((1, 1, 1), (1, 1, 0), 12), ((1, 1, 1), (1, 1, 2), 12), ((1, 1, 1), (1, 2, 3), 24)],
    ids=["fcc_111_110", "bcc_110_111", "bcc_112_111", "bcc_123_111"],
)
def test_slip_systems(d: tuple[int, ...], n: tuple[int, ...], nslip: int) -> None:
    c = _crystal(list(d), list(n))
    assert c.nslip == nslip
    dd, nn = c.slip_directions.data, c.slip_planes.data
    assert dd.shape == nn.shape == (nslip, 3) and c.slip_directions.sub_batch_ndim == 1
    ones = torch.ones(nslip, dtype=dd.dtype)
    torch.testing.assert_close(dd.norm(dim=-1), ones)
    torch.testing.assert_close(nn.norm(dim=-1), ones)
    torch.testing.assert_close((dd * nn).sum(-1), torch.zeros_like(ones), atol=1e-15, rtol=0)
    # the same systems as a brute-force enumeration, each once
    found = {frozenset({(u, m)}) for u, m in c.miller}
    expect = _brute_force(d, n)
    assert len(expect) == nslip
    assert all(sum(1 for f in found if f <= e) == 1 for e in expect)
    # unit vectors along the Miller indices
    for i, (u, m) in enumerate(c.miller):
        torch.testing.assert_close(dd[i], torch.tensor(u, dtype=dd.dtype) / torch.tensor(u, dtype=dd.dtype).norm())
        torch.testing.assert_close(nn[i], torch.tensor(m, dtype=dd.dtype) / torch.tensor(m, dtype=dd.dtype).norm())


def test_schmid_tensors() -> None:
    c = _crystal([1, 1, 0], [1, 1, 1])
    d, n = c.slip_directions.data, c.slip_planes.data
    P = torch.einsum("si,sj->sij", d, n)
    torch.testing.assert_close(c.schmid_tensors.data, P)
    torch.testing.assert_close(c.schmid_sym.to_full().data, 0.5 * (P + P.transpose(-1, -2)))
    torch.testing.assert_close(c.schmid_skew.to_full().data, 0.5 * (P - P.transpose(-1, -2)))
    assert c.schmid_sym.sub_batch_ndim == c.schmid_skew.sub_batch_ndim == c.schmid_tensors.sub_batch_ndim == 1
    # the Schmid tensors of a crystal are traceless and sym : sym = 1/2 for unit d ⟂ n
    torch.testing.assert_close(c.schmid_sym.tr().data, torch.zeros(12, dtype=d.dtype), atol=1e-15, rtol=0)
    torch.testing.assert_close(c.schmid_sym.norm_sq().data, torch.full((12,), 0.5, dtype=d.dtype))


@pytest.mark.parametrize("name", ["crystal_approximated.i", "crystal_exact.i"])
def test_docs_input_files_give_the_crystal(name: str) -> None:
    if not (CP / name).is_file():
        pytest.skip(f"{CP / name} is not there")
    c = neml2.load_input(CP / name).get_data("crystal_geometry")
    assert isinstance(c, CubicCrystal) and c.nslip == 12 and float(c.lattice_parameter.data) == 1.0


def _load(body: str) -> CubicCrystal:
    return neml2.load_string("[Data]\n  [crystal_geometry]\n    type = CubicCrystal\n" + body + "  []\n[]\n").get_data(
        "crystal_geometry"
    )


def test_literal_options_and_several_families() -> None:
    c = _load("    lattice_parameter = 3.5\n    slip_directions = '1 1 1 1 1 1'\n    slip_planes = '1 1 0 1 1 2'\n")
    assert c.nslip == 24 and float(c.lattice_parameter.data) == 3.5
    assert c.miller[0][1] == (1, 1, 0) and c.miller[12][1] == (1, 1, 2)


@pytest.mark.parametrize(
    ("body", "option", "match"),
    [
        ("    lattice_parameter = 1\n    slip_directions = '1 1 0'\n", "slip_planes", "missing required option"),
        (
            "    lattice_parameter = 1\n    slip_directions = '1 1 0'\n    slip_planes = 'nope'\n",
            "slip_planes",
            "neither numbers nor a \\[Tensors\\] name",
        ),
        (
            "    lattice_parameter = 1\n    slip_directions = '1 0.5 0'\n    slip_planes = '1 1 1'\n",
            "slip_directions",
            "integer Miller indices",
        ),
        (
            "    lattice_parameter = 1\n    slip_directions = '1 1 1'\n    slip_planes = '1 1 1'\n",
            "slip_planes",
            "no direction of <1 1 1> lies in a plane of \\{1 1 1\\}",
        ),
        (
            "    lattice_parameter = 1\n    slip_directions = '1 1 0 1 1 1'\n    slip_planes = '1 1 1'\n",
            "slip_planes",
            "one plane per direction",
        ),
    ],
)
def test_bad_input_names_the_option(body: str, option: str, match: str) -> None:
    with pytest.raises(neml2.InputError, match=match) as info:
        _load(body)
    assert (info.value.block, info.value.option) == ("Data/crystal_geometry", option)
