"""SSR4InputParameter."""

from neml2.factory import register_neml2_object
from neml2.models.common.input_parameter import InputParameter, input_parameter_schema
from neml2.types import SSR4


@register_neml2_object("SSR4InputParameter")
class SSR4InputParameter(InputParameter):
    """A SSR4 input variable passed through as a parameter."""

    hit = input_parameter_schema(SSR4)
