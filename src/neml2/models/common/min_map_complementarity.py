"""MinMapComplementarity: the min map ``r = min(x, y)``, x = +-a and y = +-b (+ for GE, - for LE).

With a = f (LE) and b = gamma_dot (GE) this is plasticity.md's KKT residual ``min(gamma_dot, -f)``.
"""

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.common.complementarity import Complementarity, complementarity_schema
from neml2.types import Scalar


@register_neml2_object("MinMapComplementarity")
class MinMapComplementarity(Complementarity):
    """Zero iff ``x = +-a >= 0``, ``y = +-b >= 0`` and ``x y = 0`` (signs from the inequalities)."""

    hit = complementarity_schema()

    # Local partials kept: they fix the one-sided derivative at the kink (the Heaviside convention)
    def forward(self, a: Scalar, b: Scalar) -> Local:
        sa, sb = self.signs
        x, y = sa * a, sb * b
        m = (y - x).heaviside()  # 1 where x is the smaller one
        return Local(
            m * x + (1 - m) * y,
            {"a": lambda t: sa * m * t, "b": lambda t: sb * (1 - m) * t},
            {},
        )
