"""MillerIndexInputParameter."""

from neml2.factory import register_neml2_object
from neml2.models.common.input_parameter import InputParameter, input_parameter_schema
from neml2.types import MillerIndex


@register_neml2_object("MillerIndexInputParameter")
class MillerIndexInputParameter(InputParameter):
    """A MillerIndex input variable passed through as a parameter."""

    hit = input_parameter_schema(MillerIndex)
