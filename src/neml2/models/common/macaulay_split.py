"""MacaulaySplit: ``x = <x> + (x - <x>)``, the positive and the negative part."""

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import Scalar


@register_neml2_object("MacaulaySplit")
class MacaulaySplit(Model):
    """``to_positive = max(x, 0)``, ``to_negative = x - max(x, 0) = min(x, 0)``."""

    hit = HitSchema(
        {
            "from": input(Scalar, doc="the variable x"),
            "to_positive": output(Scalar, doc="positive part max(x, 0)"),
            "to_negative": output(Scalar, doc="negative part min(x, 0)"),
        }
    )

    # Local partials kept: they fix the one-sided derivative at the kink (the Heaviside convention)
    def forward(self, x: Scalar) -> tuple[Local, Local]:
        pos, H = x.macaulay(), x.heaviside()
        return (
            Local(pos, {"from": lambda t: H * t}, {}),
            Local(x - pos, {"from": lambda t: (1 - H) * t}, {}),
        )
