"""CubicCrystal ([Data]): the slip systems of a cubic crystal from Miller-index families.

Each slip family pairs a direction family ``<uvw>`` with a plane family ``{hkl}``
(``slip_directions[j]`` with ``slip_planes[j]``; several families are a batch of Miller indices).
The 24 proper rotations of the cubic point group (432) expand each index into its family, each
member once up to sign (``-d`` / ``-n`` is the same system); the slip systems of a family are
every plane of ``{hkl}`` with every direction of ``<uvw>`` lying in it. FCC ``{111}<110>`` gives
12 systems, BCC ``{110}<111>`` 12 and ``{112}<111>`` 12. In a cubic lattice a direction
``[uvw]`` points along ``(u, v, w)`` and the normal of a plane ``(hkl)`` along ``(h, k, l)``, so
the crystal-frame unit vectors are

    d_i = [uvw]_i / |[uvw]_i|,    n_i = (hkl)_i / |(hkl)_i|,    d_i . n_i = 0,

and the Schmid tensor of system i is ``d_i (x) n_i`` with symmetric part ``sym(d_i (x) n_i)``
(the resolved shear ``tau_i = sigma : Q sym(d_i (x) n_i) Q^T``, index.md) and skew part
``skew(d_i (x) n_i)``.

The geometry is given to crystal models by name: their ``crystal_geometry`` option (default
``crystal_geometry``) names the [Data] block; :func:`crystal_geometry` resolves it. Python API
(per-system tensors carry the slip systems as one sub-batch axis of size :attr:`nslip`)::

    crystal = CubicCrystal(lattice_parameter=1.0,
                           slip_directions=MillerIndex(torch.tensor([1, 1, 0])),
                           slip_planes=MillerIndex(torch.tensor([1, 1, 1])))
    crystal.nslip          # 12
    crystal.slip_directions, crystal.slip_planes   # Vec (12, 3): unit d_i, unit n_i
    crystal.schmid_tensors # R2 (12, 3, 3): d_i (x) n_i
    crystal.schmid_sym     # SR2 (12, 6): sym(d_i (x) n_i), Mandel
    crystal.schmid_skew    # WR2 (12, 3): skew(d_i (x) n_i), axial vector
    crystal.miller         # [((u, v, w), (h, k, l)), ...] integer indices of each system
"""

from __future__ import annotations

import itertools
from typing import Any

import torch

from neml2 import settings
from neml2.errors import InputError
from neml2.factory import register_neml2_object
from neml2.objects import HitObject
from neml2.schema import HitSchema, literal_numbers, option, parameter
from neml2.types import R2, SR2, WR2, MillerIndex, Scalar, TensorWrapper, Vec


def cubic_rotations() -> torch.Tensor:
    """The 24 proper rotations of the cubic point group 432: the signed permutation matrices of
    determinant +1, ``(24, 3, 3)`` float64."""
    mats = []
    for perm in itertools.permutations(range(3)):
        for signs in itertools.product((1.0, -1.0), repeat=3):
            m = torch.zeros(3, 3, dtype=torch.float64)
            for row, (col, s) in enumerate(zip(perm, signs)):
                m[row, col] = s
            if torch.linalg.det(m) > 0:
                mats.append(m)
    return torch.stack(mats)


def _canonical(v: tuple[int, ...]) -> tuple[int, ...]:
    """``v`` or ``-v``, whichever has its first nonzero entry positive."""
    first = next(x for x in v if x != 0)
    return v if first > 0 else tuple(-x for x in v)


def _str(index: tuple[int, ...]) -> str:
    return " ".join(str(i) for i in index)


def _integers(x: torch.Tensor, what: str) -> list[tuple[int, int, int]]:
    rows = x.reshape(-1, 3)
    if not torch.equal(rows, rows.round()):
        raise ValueError(f"{what} must be integer Miller indices, got {rows.tolist()}")
    out = [tuple(int(c) for c in r) for r in rows.round().tolist()]
    if any(r == (0, 0, 0) for r in out):
        raise ValueError(f"{what}: (0, 0, 0) is not a Miller index")
    return out  # type: ignore[return-value]


def family(index: tuple[int, int, int]) -> list[tuple[int, ...]]:
    """The members of the Miller-index family of ``index`` (its images under the 24 rotations),
    each once up to sign, in order of first appearance."""
    out: list[tuple[int, ...]] = []
    for g in cubic_rotations().round().to(torch.int64).tolist():
        member = _canonical(tuple(sum(g[i][j] * index[j] for j in range(3)) for i in range(3)))
        if member not in out:
            out.append(member)
    return out


def expand_slip_systems(
    directions: list[tuple[int, int, int]], planes: list[tuple[int, int, int]]
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The slip systems of each (direction family, plane family): every plane of the plane family
    with every direction of the direction family lying in it, in order of family, plane, direction."""
    out = []
    for d, n in zip(directions, planes):
        dirs = family(d)
        for plane in family(n):
            out.extend((u, plane) for u in dirs if sum(x * y for x, y in zip(u, plane)) == 0)
    return out


def _given(value: Any, cls: type[TensorWrapper], factory: Any) -> TensorWrapper:
    """A parameter value: a typed tensor, a tensor, numbers (``1``, ``'1 1 0'``), or a [Tensors] name."""
    if isinstance(value, TensorWrapper):
        return value
    if isinstance(value, torch.Tensor):
        return cls(value)
    numbers = literal_numbers(" ".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value))
    if numbers is not None:
        data = torch.tensor(numbers)
        return cls(data.reshape(-1, *cls.BASE_SHAPE).squeeze(0))
    if factory is None or not factory.has_tensor(str(value)):
        raise ValueError(f"{value!r} is neither numbers nor a [Tensors] name")
    return factory.get_tensor(str(value))


@register_neml2_object("CubicCrystal")
class CubicCrystal(HitObject):
    """The symmetry-expanded slip systems of a cubic crystal (see the module docstring)."""

    SECTION = "Data"
    hit = HitSchema(
        parameter("lattice_parameter", Scalar, "lattice parameter a (length of the cubic cell edge)"),
        parameter("slip_directions", MillerIndex, "slip direction <uvw> of each slip family"),
        parameter("slip_planes", MillerIndex, "slip plane {hkl} of each slip family"),
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        opts = self.options
        dtype = settings.default_dtype
        try:
            a = _given(opts["lattice_parameter"], Scalar, self.factory)
        except ValueError as e:
            raise self._error(str(e), "lattice_parameter") from None
        #: the lattice parameter a
        self.lattice_parameter = Scalar(a.data.to(dtype))
        families = {}
        for name in ("slip_directions", "slip_planes"):
            try:
                m = _given(opts[name], MillerIndex, self.factory)
                families[name] = _integers(m.data, name)
            except ValueError as e:
                raise self._error(str(e), name) from None
        dirs, planes = families["slip_directions"], families["slip_planes"]
        if len(dirs) != len(planes):
            raise self._error(
                f"{len(dirs)} slip direction(s) but {len(planes)} slip plane(s); give one plane per direction",
                "slip_planes",
            )
        systems = expand_slip_systems(dirs, planes)
        for d, n in zip(dirs, planes):
            if not expand_slip_systems([d], [n]):
                raise self._error(f"no direction of <{_str(d)}> lies in a plane of {{{_str(n)}}}", "slip_planes")
        #: integer Miller indices ((u, v, w), (h, k, l)) of each slip system, in order
        self.miller = [(tuple(d), tuple(n)) for d, n in systems]
        d = torch.tensor([s[0] for s in systems], dtype=dtype)
        n = torch.tensor([s[1] for s in systems], dtype=dtype)
        d = d / torch.linalg.norm(d, dim=-1, keepdim=True)
        n = n / torch.linalg.norm(n, dim=-1, keepdim=True)
        P = d[:, :, None] * n[:, None, :]
        #: unit slip directions d_i, Vec (nslip, 3)
        self.slip_directions = Vec(d, sub_batch_ndim=1)
        #: unit slip plane normals n_i, Vec (nslip, 3)
        self.slip_planes = Vec(n, sub_batch_ndim=1)
        #: Schmid tensors d_i (x) n_i, R2 (nslip, 3, 3)
        self.schmid_tensors = R2(P, sub_batch_ndim=1)
        #: sym(d_i (x) n_i), SR2 (nslip, 6)
        self.schmid_sym = SR2(SR2.from_full(P).data, sub_batch_ndim=1)
        #: skew(d_i (x) n_i), WR2 (nslip, 3)
        self.schmid_skew = WR2(WR2.from_full(P).data, sub_batch_ndim=1)

    @property
    def nslip(self) -> int:
        """The number of slip systems."""
        return len(self.miller)

    def __repr__(self) -> str:
        return f"CubicCrystal(nslip={self.nslip})"


def geometry_option() -> Any:
    """The ``crystal_geometry`` option of a crystal model (catalog ``dep crystal_geometry (get_data)``)."""
    return option(str, "crystal_geometry", doc="[Data] block holding the slip systems (a CubicCrystal)")


def crystal_geometry(model: Any, factory: Any, value: Any, option: str = "crystal_geometry") -> CubicCrystal:
    """The crystal a model's ``crystal_geometry`` option names: the [Data] block of that name (or
    the CubicCrystal itself, given from Python); a located InputError otherwise."""
    if isinstance(value, CubicCrystal):
        return value
    if factory is None:
        raise model._error("needs an input file to resolve the [Data] block, or a CubicCrystal", option)
    try:
        data = factory.get_data(value)
    except InputError as e:
        raise (model._error(e.reason, option) if e.block is None else e) from None
    if not isinstance(data, CubicCrystal):
        raise model._error(f"[Data]/{value} is a {type(data).__name__}, not a CubicCrystal", option)
    return data
