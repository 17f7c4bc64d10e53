"""ScalarVariableRate."""

from neml2.factory import register_neml2_object
from neml2.models.common.variable_rate import VariableRate, variable_rate_schema
from neml2.types import Scalar


@register_neml2_object("ScalarVariableRate")
class ScalarVariableRate(VariableRate):
    """Rate of a Scalar variable over the last time step."""

    hit = variable_rate_schema(Scalar)
