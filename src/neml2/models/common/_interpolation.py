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


def mark_tables(model: Any, **ndims: int) -> None:
    """The stored tables of ``model`` keep their grid axes as sub-batch axes (``name=ndim``)."""
    for name, ndim in ndims.items():
        model.mark_sub_batch(name, ndim)


def interval_weights(X: Any, x: Scalar) -> tuple[Any, Any]:
    """Indicator of the interval holding ``x`` (X_i < x <= X_{i+1}) and the parametric coordinate."""
    X = table(X)
    X0, X1 = X.sub_batch[:-1], X.sub_batch[1:]
    m = (x - X0).heaviside() * (1.0 - (x - X1).heaviside())
    return m, (x - X0) / (X1 - X0)


def bilinear_schema(type_: Any) -> Any:
    from neml2.schema import HitSchema, input, output, parameter

    return HitSchema(
        {
            "argument1": input(Scalar, "argument1", doc="first argument (along abscissa1)"),
            "argument2": input(Scalar, "argument2", doc="second argument (along abscissa2)"),
            "output": output(type_, optional=True, doc="output variable (default: the block name)"),
            "abscissa1": parameter(Scalar, doc="knots of the first axis (increasing, n1 on the last batch axis)"),
            "abscissa2": parameter(Scalar, doc="knots of the second axis (increasing, n2 on the last batch axis)"),
            "ordinate": parameter(type_, doc="ordinate values on the n1 x n2 grid (last two batch axes)"),
        }
    )


def bilinear(X1: Any, X2: Any, Y: Any, x1: Scalar, x2: Scalar) -> Any:
    """Bilinear interpolation on the cell holding (x1, x2):
    ``y = (1-xi)(1-eta) Y00 + xi (1-eta) Y10 + (1-xi) eta Y01 + xi eta Y11``
    with Y_ab = Y[i + a, j + b], xi / eta the parametric coordinates along each axis."""
    from neml2.types.functions import sum_sub_batch

    Y = table(Y, 2)
    m1, xi = interval_weights(X1, x1)
    m2, eta = interval_weights(X2, x2)
    m1, xi = m1.sub_batch.unsqueeze(1), xi.sub_batch.unsqueeze(1)
    m2, eta = m2.sub_batch.unsqueeze(0), eta.sub_batch.unsqueeze(0)
    Y00, Y01 = Y.sub_batch[:-1, :-1], Y.sub_batch[:-1, 1:]
    Y10, Y11 = Y.sub_batch[1:, :-1], Y.sub_batch[1:, 1:]
    y = (1.0 - xi) * (1.0 - eta) * Y00 + xi * (1.0 - eta) * Y10 + (1.0 - xi) * eta * Y01 + xi * eta * Y11
    return sum_sub_batch(m1 * m2 * y)
