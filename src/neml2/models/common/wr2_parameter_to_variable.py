"""WR2ParameterToVariable."""

from neml2.factory import register_neml2_object
from neml2.models.common.parameter_to_variable import ParameterToVariable, parameter_to_variable_schema
from neml2.types import WR2


@register_neml2_object("WR2ParameterToVariable")
class WR2ParameterToVariable(ParameterToVariable):
    """A WR2 parameter as the variable ``to``."""

    hit = parameter_to_variable_schema(WR2)
