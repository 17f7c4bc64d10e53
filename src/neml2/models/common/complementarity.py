"""Complementarity functions of ``a (<= or >=) 0, b (<= or >=) 0, a b = 0``.

Each inequality flips its variable to the ``>= 0`` form: ``x = +a`` for GE, ``-a`` for LE.
"""

from __future__ import annotations

from neml2.models.model import Model
from neml2.schema import HitSchema, input, option, output
from neml2.types import Scalar

_INEQUALITIES = ("LE", "GE")


def complementarity_schema() -> HitSchema:
    return HitSchema(
        a=input(Scalar, doc="first variable of the complementarity pair"),
        b=input(Scalar, doc="second variable of the complementarity pair"),
        complementarity=output(Scalar, doc="residual that vanishes exactly when the conditions hold"),
        a_inequality=option(str, "LE", choices=_INEQUALITIES, doc="a <= 0 (LE) or a >= 0 (GE)"),
        b_inequality=option(str, "GE", choices=_INEQUALITIES, doc="b <= 0 (LE) or b >= 0 (GE)"),
    )


class Complementarity(Model):
    """Base: the signs that turn ``a`` and ``b`` into nonnegative quantities."""

    @property
    def signs(self) -> tuple[float, float]:
        def sign(option: str) -> float:
            return -1.0 if self.options[option].upper() == "LE" else 1.0

        return sign("a_inequality"), sign("b_inequality")
