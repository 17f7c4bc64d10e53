"""CrystalModel: base of the crystal-plasticity models that read the slip-system geometry.

A subclass declares ``crystal_geometry=geometry_option()`` in its schema; after ``__init__``,
``self.crystal`` is the :class:`~.cubic_crystal.CubicCrystal` that option names (from Python,
pass the crystal itself: ``ResolvedShear(crystal_geometry=crystal)``). :meth:`crystal_buffer`
stores one of its per-system tensors on the model (so ``model.to(device)`` moves it) and
:meth:`crystal_tensor` reads it back in ``forward`` as a typed tensor with the slip systems as
its sub-batch axis.
"""

from __future__ import annotations

from typing import Any, TypeVar

from neml2.models.model import Model
from neml2.models.solid_mechanics.crystal_plasticity.cubic_crystal import CubicCrystal, crystal_geometry
from neml2.types import TensorWrapper
from neml2.types.functions import _drop, fullify, sum_sub_batch

T = TypeVar("T", bound=TensorWrapper)


class CrystalModel(Model):
    """A model with a ``crystal_geometry`` dependency (see the module docstring)."""

    def __init__(self, *, _factory: Any = None, crystal_geometry: Any = None, **kw: Any) -> None:
        given = crystal_geometry if isinstance(crystal_geometry, CubicCrystal) else None
        if crystal_geometry is not None:
            kw["crystal_geometry"] = "<python>" if given is not None else crystal_geometry
        super().__init__(_factory=_factory, **kw)
        #: the crystal geometry (slip systems)
        self.crystal = given or _resolve(self, _factory)
        self.__dict__["_crystal_types"] = {}

    def crystal_buffer(self, name: str, value: TensorWrapper) -> None:
        """Store the per-system tensor ``value`` (e.g. ``self.crystal.schmid_sym``) as buffer ``name``."""
        self._crystal_types[name] = (type(value), value.sub_batch_ndim)
        self.register_buffer(name, value.data.clone())

    def crystal_tensor(self, name: str) -> Any:
        """The buffer ``name`` as its typed tensor, the slip systems as a sub-batch axis."""
        cls, ndim = self._crystal_types[name]
        return cls(getattr(self, name), sub_batch_ndim=ndim)


def sum_over_slip(x: T) -> T:
    """Sum over the slip systems: the innermost sub-batch axis (a tensor without one is a single system)."""
    return sum_sub_batch(x, dim=-1) if x.sub_batch_ndim else x


def slip_sum(w: TensorWrapper, P: T) -> T:
    """``sum_i w_i P_i``: per-system weights ``w`` (the systems its innermost sub-batch axis) against
    the crystal's per-system tensors ``P`` (the systems their only sub-batch axis), as one matrix
    product; the ``w_i P_i`` of every system (and every seed) are never formed."""
    n = P.data.shape[0] if P.sub_batch_ndim == 1 else 0
    if not w.sub_batch_ndim or not w.BASE_SHAPE == () or w.data.shape[-1] != n:
        return sum_over_slip(w * P)
    w = fullify(w)
    d = w.data.expand(*([-1] * (w.data.dim() - 1)), n)  # a tangent constant over the systems has size 1 there
    data = (d.unsqueeze(-2) @ P.data.reshape(n, -1)).squeeze(-2)
    keep = list(range(w.sub_batch_ndim - 1))
    return w._new(
        data.reshape(*data.shape[:-1], *P.BASE_SHAPE),
        type(P),
        sub_batch_ndim=len(keep),
        sub_batch_state=_drop(w.sub_batch_state, keep, w.sub_batch_ndim),
        sub_batch_meta=_drop(w.sub_batch_meta, keep, w.sub_batch_ndim),
    )


def _resolve(model: CrystalModel, factory: Any) -> CubicCrystal:
    return crystal_geometry(model, factory, model.options["crystal_geometry"])
