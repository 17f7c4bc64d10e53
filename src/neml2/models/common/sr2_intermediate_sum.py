"""SR2IntermediateSum: ``to = sum_i from_i`` over the first sub-batch axis of ``from`` (the axis named
by ``reduces``, e.g. the grains); see intermediate_reduction for the layout and the axis choice."""

from neml2.factory import register_neml2_object
from neml2.models.common.intermediate_reduction import IntermediateReduction, intermediate_reduction_schema


@register_neml2_object("SR2IntermediateSum")
class SR2IntermediateSum(IntermediateReduction):
    """Sum of an SR2 over its first sub-batch axis (``reduces`` names it)."""

    hit = intermediate_reduction_schema("sum")
