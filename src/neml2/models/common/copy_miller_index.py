"""CopyMillerIndex."""

from neml2.factory import register_neml2_object
from neml2.models.common.copy_variable import CopyVariable, copy_schema
from neml2.types import MillerIndex


@register_neml2_object("CopyMillerIndex")
class CopyMillerIndex(CopyVariable):
    """Copies a MillerIndex variable."""

    hit = copy_schema(MillerIndex)
