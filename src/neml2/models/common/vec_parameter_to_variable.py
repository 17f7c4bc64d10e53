"""VecParameterToVariable."""

from neml2.factory import register_neml2_object
from neml2.models.common.parameter_to_variable import ParameterToVariable, parameter_to_variable_schema
from neml2.types import Vec


@register_neml2_object("VecParameterToVariable")
class VecParameterToVariable(ParameterToVariable):
    """A Vec parameter as the variable ``to``."""

    hit = parameter_to_variable_schema(Vec)
