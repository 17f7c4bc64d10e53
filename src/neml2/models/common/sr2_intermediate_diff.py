"""SR2IntermediateDiff: the ``n``-th forward difference along the sub-batch axis ``dim`` of ``from``
(index among the sub-batch axes; ``reduces`` names it),

    (Delta from)_i = from_{i+1} - from_i,   to = Delta^n from   (that axis shrinks by n, as torch.diff);

see intermediate_reduction for the layout."""

from neml2.factory import register_neml2_object
from neml2.models.common.intermediate_reduction import IntermediateDifference, intermediate_reduction_schema


@register_neml2_object("SR2IntermediateDiff")
class SR2IntermediateDiff(IntermediateDifference):
    """n-th forward difference of an SR2 along one of its sub-batch axes."""

    hit = intermediate_reduction_schema("n-th forward difference", diff=True)
