"""R2ConstantParameter."""

from neml2.factory import register_neml2_object
from neml2.models.common.constant_parameter import ConstantParameter, constant_parameter_schema
from neml2.types import R2


@register_neml2_object("R2ConstantParameter")
class R2ConstantParameter(ConstantParameter):
    """A R2 parameter as a variable."""

    hit = constant_parameter_schema(R2)
