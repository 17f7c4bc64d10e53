"""R2InputParameter."""

from neml2.factory import register_neml2_object
from neml2.models.common.input_parameter import InputParameter, input_parameter_schema
from neml2.types import R2


@register_neml2_object("R2InputParameter")
class R2InputParameter(InputParameter):
    """A R2 input variable passed through as a parameter."""

    hit = input_parameter_schema(R2)
