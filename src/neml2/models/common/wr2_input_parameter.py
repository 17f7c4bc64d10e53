"""WR2InputParameter."""

from neml2.factory import register_neml2_object
from neml2.models.common.input_parameter import InputParameter, input_parameter_schema
from neml2.types import WR2


@register_neml2_object("WR2InputParameter")
class WR2InputParameter(InputParameter):
    """A WR2 input variable passed through as a parameter."""

    hit = input_parameter_schema(WR2)
