"""CopyR2."""

from neml2.factory import register_neml2_object
from neml2.models.common.copy_variable import CopyVariable, copy_schema
from neml2.types import R2


@register_neml2_object("CopyR2")
class CopyR2(CopyVariable):
    """Copies a R2 variable."""

    hit = copy_schema(R2)
