"""SR2InputParameter."""

from neml2.factory import register_neml2_object
from neml2.models.common.input_parameter import InputParameter, input_parameter_schema
from neml2.types import SR2


@register_neml2_object("SR2InputParameter")
class SR2InputParameter(InputParameter):
    """A SR2 input variable passed through as a parameter."""

    hit = input_parameter_schema(SR2)
