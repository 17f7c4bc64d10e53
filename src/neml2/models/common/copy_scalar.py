"""CopyScalar."""

from neml2.factory import register_neml2_object
from neml2.models.common.copy_variable import CopyVariable, copy_schema
from neml2.types import Scalar


@register_neml2_object("CopyScalar")
class CopyScalar(CopyVariable):
    """Copies a Scalar variable."""

    hit = copy_schema(Scalar)
