"""SR2DynamicMean: ``to = (1/n) sum_i from_i`` over the dynamic batch axis ``dim`` (n entries)."""

from neml2.factory import register_neml2_object
from neml2.models.common.dynamic_reduction import DynamicReduction, dynamic_reduction_schema


@register_neml2_object("SR2DynamicMean")
class SR2DynamicMean(DynamicReduction):
    """Mean of an SR2 over one dynamic batch axis."""

    MEAN = True
    hit = dynamic_reduction_schema("mean")
