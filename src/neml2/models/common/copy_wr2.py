"""CopyWR2."""

from neml2.factory import register_neml2_object
from neml2.models.common.copy_variable import CopyVariable, copy_schema
from neml2.types import WR2


@register_neml2_object("CopyWR2")
class CopyWR2(CopyVariable):
    """Copies a WR2 variable."""

    hit = copy_schema(WR2)
