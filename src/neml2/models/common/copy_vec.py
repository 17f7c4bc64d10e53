"""CopyVec."""

from neml2.factory import register_neml2_object
from neml2.models.common.copy_variable import CopyVariable, copy_schema
from neml2.types import Vec


@register_neml2_object("CopyVec")
class CopyVec(CopyVariable):
    """Copies a Vec variable."""

    hit = copy_schema(Vec)
