"""VecConstantParameter."""

from neml2.factory import register_neml2_object
from neml2.models.common.constant_parameter import ConstantParameter, constant_parameter_schema
from neml2.types import Vec


@register_neml2_object("VecConstantParameter")
class VecConstantParameter(ConstantParameter):
    """A Vec parameter as a variable."""

    hit = constant_parameter_schema(Vec)
