"""CopySR2."""

from neml2.factory import register_neml2_object
from neml2.models.common.copy_variable import CopyVariable, copy_schema
from neml2.types import SR2


@register_neml2_object("CopySR2")
class CopySR2(CopyVariable):
    """Copies a SR2 variable."""

    hit = copy_schema(SR2)
