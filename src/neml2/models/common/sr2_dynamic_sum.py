"""SR2DynamicSum: ``to = sum_i from_i`` over the dynamic batch axis ``dim``."""

from neml2.factory import register_neml2_object
from neml2.models.common.dynamic_reduction import DynamicReduction, dynamic_reduction_schema


@register_neml2_object("SR2DynamicSum")
class SR2DynamicSum(DynamicReduction):
    """Sum of an SR2 over one dynamic batch axis."""

    hit = dynamic_reduction_schema("sum")
