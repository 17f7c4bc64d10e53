"""R2Determinant."""

from neml2.factory import register_neml2_object
from neml2.models.common.determinant import Determinant, determinant_schema
from neml2.types import R2


@register_neml2_object("R2Determinant")
class R2Determinant(Determinant):
    """Determinant of a full second order tensor."""

    hit = determinant_schema(R2)

    @staticmethod
    def full(x: R2) -> R2:
        return x
