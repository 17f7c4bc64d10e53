"""SR2LinearCombination."""

from neml2.factory import register_neml2_object
from neml2.models.common.linear_combination import LinearCombination, linear_combination_schema
from neml2.types import SR2


@register_neml2_object("SR2LinearCombination")
class SR2LinearCombination(LinearCombination):
    """``to = sum_i w_i from_i + offset`` over SR2 variables."""

    hit = linear_combination_schema(SR2)
