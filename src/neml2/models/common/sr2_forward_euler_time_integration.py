"""SR2ForwardEulerTimeIntegration."""

from neml2.factory import register_neml2_object
from neml2.models.common.forward_euler_time_integration import ForwardEulerTimeIntegration, forward_euler_schema
from neml2.types import SR2


@register_neml2_object("SR2ForwardEulerTimeIntegration")
class SR2ForwardEulerTimeIntegration(ForwardEulerTimeIntegration):
    """Forward-Euler update of a SR2 variable."""

    hit = forward_euler_schema(SR2)
