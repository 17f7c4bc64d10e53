"""SR2IntermediateMean: ``to = (1/N) sum_i from_i`` over the first sub-batch axis of ``from`` (N entries,
the axis named by ``reduces``, e.g. the Taylor average over the grains); see intermediate_reduction."""

from neml2.factory import register_neml2_object
from neml2.models.common.intermediate_reduction import IntermediateReduction, intermediate_reduction_schema


@register_neml2_object("SR2IntermediateMean")
class SR2IntermediateMean(IntermediateReduction):
    """Mean of an SR2 over its first sub-batch axis (``reduces`` names it)."""

    MEAN = True
    hit = intermediate_reduction_schema("mean")
