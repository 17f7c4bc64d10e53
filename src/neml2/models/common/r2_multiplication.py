"""R2Multiplication: the product of two full second order tensors,

    to = op(A) op(B),   op(X) = X, X^-1, X^T or X^-T by ``invert_*`` / ``transpose_*``.
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, option, output
from neml2.types import R2


@register_neml2_object("R2Multiplication")
class R2Multiplication(Model):
    """to = op(A) op(B)."""

    hit = HitSchema(
        A=input(R2, doc="the left factor A"),
        B=input(R2, doc="the right factor B"),
        to=output(R2, doc="op(A) op(B)"),
        invert_A=option(bool, False, doc="use A^-1"),
        invert_B=option(bool, False, doc="use B^-1"),
        transpose_A=option(bool, False, doc="use A^T (after the inverse: A^-T with both)"),
        transpose_B=option(bool, False, doc="use B^T (after the inverse: B^-T with both)"),
    )

    def _op(self, X: R2, which: str) -> R2:
        if self.options[f"invert_{which}"]:
            X = X.inverse()
        if self.options[f"transpose_{which}"]:
            X = X.transpose()
        return X

    def forward(self, A: R2, B: R2) -> R2:
        return self._op(A, "A") @ self._op(B, "B")
