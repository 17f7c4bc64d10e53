"""SR2Invariant: scalar invariants of a symmetric tensor A (``tensor``), by ``invariant_type``.

I1 = tr A; I2 = (tr(A)^2 - A:A) / 2; VONMISES = sqrt(3 J2) = sqrt(3/2 dev A : dev A) (plasticity.md's
effective stress); EFFECTIVE_STRAIN = sqrt(2/3 dev A : dev A).
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, option, output
from neml2.types import SR2, Scalar

# Squared-norm regularization so the derivative of |dev A| stays finite at A = 0.
_EPS = 1e-30


@register_neml2_object("SR2Invariant")
class SR2Invariant(Model):
    """One invariant of an SR2 (see the module docstring), with first and second derivatives."""

    hit = HitSchema(
        tensor=input(SR2, doc="the tensor A"),
        invariant=output(Scalar, doc="the invariant of A"),
        invariant_type=option(str, choices=("I1", "I2", "VONMISES", "EFFECTIVE_STRAIN"), doc="which invariant"),
    )

    def forward(self, A: SR2) -> Local | Scalar:
        kind = self.options["invariant_type"].upper()
        if kind == "I1":
            return Local(A.tr(), {"tensor": lambda a: a.tr()}, {})
        if kind == "I2":
            trA = A.tr()
            return 0.5 * (trA * trA - A.inner(A))
        # Hand-written second partials kept: inside Normality (the J2 step) dual-number second order
        # made the eager step at N = 1e5 2.6x slower (1.75 s -> 4.53 s; N = 3: 1.11x), /tmp A/B of 2026-12-03.
        c = 1.5 if kind == "VONMISES" else 2.0 / 3.0
        S = A.dev()
        s = (c * S.norm_sq() + _EPS).sqrt()
        N = (c / s) * S
        return Local(
            s,
            {"tensor": lambda a: N.inner(a)},
            {("tensor", "tensor"): lambda a, b: (c * a.dev().inner(b) - N.inner(a) * N.inner(b)) / s},
        )
