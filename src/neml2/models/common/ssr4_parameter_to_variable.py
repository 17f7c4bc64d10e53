"""SSR4ParameterToVariable."""

from neml2.factory import register_neml2_object
from neml2.models.common.parameter_to_variable import ParameterToVariable, parameter_to_variable_schema
from neml2.types import SSR4


@register_neml2_object("SSR4ParameterToVariable")
class SSR4ParameterToVariable(ParameterToVariable):
    """A SSR4 parameter as the variable ``to``."""

    hit = parameter_to_variable_schema(SSR4)
