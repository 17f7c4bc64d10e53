"""MillerIndexConstantParameter."""

from neml2.factory import register_neml2_object
from neml2.models.common.constant_parameter import ConstantParameter, constant_parameter_schema
from neml2.types import MillerIndex


@register_neml2_object("MillerIndexConstantParameter")
class MillerIndexConstantParameter(ConstantParameter):
    """A MillerIndex parameter as a variable."""

    hit = constant_parameter_schema(MillerIndex)
