"""SR2Determinant."""

from neml2.factory import register_neml2_object
from neml2.models.common.determinant import Determinant, determinant_schema
from neml2.types import R2, SR2


@register_neml2_object("SR2Determinant")
class SR2Determinant(Determinant):
    """Determinant of a symmetric tensor."""

    hit = determinant_schema(SR2)

    @staticmethod
    def full(x: SR2) -> R2:
        return x.to_full()
