"""MRPInputParameter."""

from neml2.factory import register_neml2_object
from neml2.models.common.input_parameter import InputParameter, input_parameter_schema
from neml2.types import MRP


@register_neml2_object("MRPInputParameter")
class MRPInputParameter(InputParameter):
    """A MRP input variable passed through as a parameter."""

    hit = input_parameter_schema(MRP)
