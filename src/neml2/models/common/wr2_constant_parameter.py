"""WR2ConstantParameter."""

from neml2.factory import register_neml2_object
from neml2.models.common.constant_parameter import ConstantParameter, constant_parameter_schema
from neml2.types import WR2


@register_neml2_object("WR2ConstantParameter")
class WR2ConstantParameter(ConstantParameter):
    """A WR2 parameter as a variable."""

    hit = constant_parameter_schema(WR2)
