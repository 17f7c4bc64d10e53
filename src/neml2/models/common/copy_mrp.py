"""CopyMRP."""

from neml2.factory import register_neml2_object
from neml2.models.common.copy_variable import CopyVariable, copy_schema
from neml2.types import MRP


@register_neml2_object("CopyMRP")
class CopyMRP(CopyVariable):
    """Copies a MRP variable."""

    hit = copy_schema(MRP)
