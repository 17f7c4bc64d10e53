"""VecVariableRate."""

from neml2.factory import register_neml2_object
from neml2.models.common.variable_rate import VariableRate, variable_rate_schema
from neml2.types import Vec


@register_neml2_object("VecVariableRate")
class VecVariableRate(VariableRate):
    """Rate of a Vec variable over the last time step."""

    hit = variable_rate_schema(Vec)
