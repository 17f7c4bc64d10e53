"""R2VariableRate."""

from neml2.factory import register_neml2_object
from neml2.models.common.variable_rate import VariableRate, variable_rate_schema
from neml2.types import R2


@register_neml2_object("R2VariableRate")
class R2VariableRate(VariableRate):
    """Rate of a R2 variable over the last time step."""

    hit = variable_rate_schema(R2)
