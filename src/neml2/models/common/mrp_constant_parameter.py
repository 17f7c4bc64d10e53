"""MRPConstantParameter."""

from neml2.factory import register_neml2_object
from neml2.models.common.constant_parameter import ConstantParameter, constant_parameter_schema
from neml2.types import MRP


@register_neml2_object("MRPConstantParameter")
class MRPConstantParameter(ConstantParameter):
    """A MRP parameter as a variable."""

    hit = constant_parameter_schema(MRP)
