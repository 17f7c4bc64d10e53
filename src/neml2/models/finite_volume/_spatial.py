"""The spatial (cell / edge) axis of the finite-volume arrays.

finite_volume.md puts the spatial axis of the mesh and field tensors in the sub-batch region
(``sub_batch_ndim=1``), so leading batch axes (sweeps, ensembles) compose on top. A tensor with
sub-batch axes has its spatial axis there (the last one). Parameters are stored without their
sub-batch marking and a ModelUnitTest broadcasts its inputs over plain batch axes, so an unmarked
array is read with its last batch axis as the spatial one, as the interpolation tables are.
"""

from __future__ import annotations

from typing import Any


def field(x: Any, what: str) -> Any:
    """``x`` (a cell or edge array) with its spatial axis as its last sub-batch axis."""
    if x.sub_batch_ndim:
        return x
    if x.batch_ndim:
        return x.sub_batch.retag(1)
    raise ValueError(f"{what} has no spatial axis (give it as an array over the cells / edges)")


def along(x: Any, n: int) -> Any:
    """``x`` on a spatial axis of ``n`` entries, or uniform in space: a marked ``x`` is taken as it is,
    an unmarked one whose last batch axis has ``n`` entries has that axis read as the spatial axis;
    otherwise ``x`` has no spatial axis and broadcasts over it (e.g. a literal grid spacing)."""
    if x.sub_batch_ndim or not x.batch_ndim or x.batch_shape[-1] != n:
        return x
    return x.sub_batch.retag(1)


def size(x: Any) -> int:
    """Number of entries along the spatial axis of a :func:`field`."""
    return x.sub_batch_shape[-1]
