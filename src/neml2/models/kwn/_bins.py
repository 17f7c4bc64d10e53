"""The radius bins of a KWN size distribution (modules/kwn/index.md, "Math").

A constant radius (a literal or a [Tensors] table of bin centers R_i) is stored as a parameter
without its sub-batch marking, so its last batch axis is read as the bin axis, as for the
interpolation tables (common/_interpolation.py). A radius promoted to a variable keeps the axes
it arrives with.
"""

from __future__ import annotations

from typing import Any

from neml2.models.common._interpolation import table


def bins(model: Any, slot: str, R: Any) -> Any:
    """``R`` (parameter slot ``slot`` of ``model``) with its bins on a sub-batch axis."""
    if slot in model.nl_params or R.sub_batch_ndim or R.batch_ndim == 0:
        return R
    return table(R)
