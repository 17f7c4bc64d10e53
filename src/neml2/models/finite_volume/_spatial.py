"""The spatial (cell / edge) axis of the finite-volume arrays.

finite_volume.md puts the spatial axis of the mesh and field tensors in the sub-batch region
(``sub_batch_ndim=1``), so leading batch axes (sweeps, ensembles) compose on top. The spatial axis is
read from that marking only: a tensor's spatial axis is its last sub-batch axis (parameters keep the
marking of their [Tensors] value; variables carry their own). An unmarked array is a batch array and
broadcasts over space, whatever its length; an unmarked value where a spatial axis is required (the
field ``u``, the cell centers / edges) is an error naming the block and variable.
"""

from __future__ import annotations

from typing import Any


def _label(model: Any, key: str) -> str:
    """What option ``key`` of ``model`` is bound to: its variable (an input, or a parameter given as a
    variable), else its value (the error's prefix names the block and the option)."""
    var = model.var(key)
    if var is None and key in model.nl_params:
        var = model.nl_params[key].input_name
    return "the value" if var is None else f"variable '{var}'"


def field(model: Any, x: Any, key: str) -> Any:
    """``x``, the value of ``model``'s option ``key``: an array whose last sub-batch axis is the spatial one."""
    if x.sub_batch_ndim:
        return x
    raise model._error(
        f"{_label(model, key)} has no spatial axis (shape {tuple(x.batch_shape)}, sub_batch_ndim=0): give it as "
        "an array over the cells / edges with sub_batch_ndim=1; an unmarked array is read as a batch of values",
        key,
    )


def along(model: Any, x: Any, n: int, key: str) -> Any:
    """``x`` on a spatial axis of ``n`` entries (a marked ``x``), or uniform in space (an unmarked ``x``,
    batch axes included, broadcasts over the spatial axis)."""
    if x.sub_batch_ndim and x.sub_batch_shape[-1] not in (1, n):
        got = x.sub_batch_shape[-1]
        raise model._error(f"{_label(model, key)} has {got} entries on its spatial axis, expected {n}", key)
    return x


def size(x: Any) -> int:
    """Number of entries along the spatial axis of a :func:`field`."""
    return x.sub_batch_shape[-1]
