"""IrreversibleScalar: the monotonically increasing ratchet ``to = max(to~1, from)``.

Written ``to = to~1 + <from - to~1>`` (``<.>`` the Macaulay bracket): the history maximum,
e.g. for damage irreversibility.
"""

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import Scalar


@register_neml2_object("IrreversibleScalar")
class IrreversibleScalar(Model):
    """``to = max(to~1, from)``."""

    hit = HitSchema(
        {
            "from": input(Scalar, doc="the trial value x"),
            "to": output(Scalar, doc="y = max(y~1, x)"),
            "old_to": input(Scalar, "{to}~1", hidden=True),
        }
    )

    def forward(self, x: Scalar, yn: Scalar) -> Scalar:
        return yn + (x - yn).macaulay()
