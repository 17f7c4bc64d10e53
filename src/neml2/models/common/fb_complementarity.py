"""FBComplementarity: the Fischer-Burmeister function ``r = x + y - sqrt(a^2 + b^2)``, x = +-a, y = +-b.

With a = f (LE) and b = gamma_dot (GE): plasticity.md's ``gamma_dot - f - sqrt(gamma_dot^2 + f^2)``.
"""

from neml2.factory import register_neml2_object
from neml2.models.common.complementarity import Complementarity, complementarity_schema
from neml2.types import Scalar


@register_neml2_object("FBComplementarity")
class FBComplementarity(Complementarity):
    """Zero iff ``x = +-a >= 0``, ``y = +-b >= 0`` and ``x y = 0`` (signs from the inequalities)."""

    hit = complementarity_schema()

    def forward(self, a: Scalar, b: Scalar) -> Scalar:
        sa, sb = self.signs
        return sa * a + sb * b - (a * a + b * b).sqrt()
