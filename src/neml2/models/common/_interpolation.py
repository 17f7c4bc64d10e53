"""Shared pieces of the tabulated (piecewise-linear / bilinear) interpolations.

Tables carry the interpolation grid on their last batch axes (read as sub-batch axes): the abscissa is a Scalar with one
sub-batch axis of n knots, the ordinate a tensor with the same sub-batch axis (or two for
bilinear tables, n1 x n2). On interval i (X_i < x <= X_{i+1}):
``xi = (x - X_i) / (X_{i+1} - X_i)``, ``y = Y_i + xi (Y_{i+1} - Y_i)``.
"""

from __future__ import annotations

from typing import Any

from neml2.types import Scalar


def table(t: Any, n: int = 1) -> Any:
    """``t`` with its last ``n`` batch axes read as the table's sub-batch axes (parameters are
    stored without their sub-batch marking)."""
    if t.sub_batch_ndim >= n:
        return t
    return t._new(t.data, sub_batch_ndim=n)


def interval_weights(X: Any, x: Scalar) -> tuple[Any, Any]:
    """Indicator of the interval holding ``x`` (X_i < x <= X_{i+1}) and the parametric coordinate."""
    X = table(X)
    X0, X1 = X.sub_batch[:-1], X.sub_batch[1:]
    m = (x - X0).heaviside() * (1.0 - (x - X1).heaviside())
    return m, (x - X0) / (X1 - X0)
