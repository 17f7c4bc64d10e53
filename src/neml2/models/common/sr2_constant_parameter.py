"""SR2ConstantParameter."""

from neml2.factory import register_neml2_object
from neml2.models.common.constant_parameter import ConstantParameter, constant_parameter_schema
from neml2.types import SR2


@register_neml2_object("SR2ConstantParameter")
class SR2ConstantParameter(ConstantParameter):
    """A SR2 parameter as a variable."""

    hit = constant_parameter_schema(SR2)
