"""SSR4ConstantParameter."""

from neml2.factory import register_neml2_object
from neml2.models.common.constant_parameter import ConstantParameter, constant_parameter_schema
from neml2.types import SSR4


@register_neml2_object("SSR4ConstantParameter")
class SSR4ConstantParameter(ConstantParameter):
    """A SSR4 parameter as a variable."""

    hit = constant_parameter_schema(SSR4)
