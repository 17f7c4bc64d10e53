"""CopySSR4."""

from neml2.factory import register_neml2_object
from neml2.models.common.copy_variable import CopyVariable, copy_schema
from neml2.types import SSR4


@register_neml2_object("CopySSR4")
class CopySSR4(CopyVariable):
    """Copies a SSR4 variable."""

    hit = copy_schema(SSR4)
