"""ScalarLinearCombination."""

from neml2.factory import register_neml2_object
from neml2.models.common.linear_combination import LinearCombination, linear_combination_schema
from neml2.types import Scalar


@register_neml2_object("ScalarLinearCombination")
class ScalarLinearCombination(LinearCombination):
    """``to = sum_i w_i from_i + offset`` over Scalar variables."""

    hit = linear_combination_schema(Scalar)
