"""MillerIndexParameterToVariable."""

from neml2.factory import register_neml2_object
from neml2.models.common.parameter_to_variable import ParameterToVariable, parameter_to_variable_schema
from neml2.types import MillerIndex


@register_neml2_object("MillerIndexParameterToVariable")
class MillerIndexParameterToVariable(ParameterToVariable):
    """A MillerIndex parameter as the variable ``to``."""

    hit = parameter_to_variable_schema(MillerIndex)
