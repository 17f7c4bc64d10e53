"""SR2ParameterToVariable."""

from neml2.factory import register_neml2_object
from neml2.models.common.parameter_to_variable import ParameterToVariable, parameter_to_variable_schema
from neml2.types import SR2


@register_neml2_object("SR2ParameterToVariable")
class SR2ParameterToVariable(ParameterToVariable):
    """A SR2 parameter as the variable ``to``."""

    hit = parameter_to_variable_schema(SR2)
