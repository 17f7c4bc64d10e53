"""R2ForwardEulerTimeIntegration."""

from neml2.factory import register_neml2_object
from neml2.models.common.forward_euler_time_integration import ForwardEulerTimeIntegration, forward_euler_schema
from neml2.types import R2


@register_neml2_object("R2ForwardEulerTimeIntegration")
class R2ForwardEulerTimeIntegration(ForwardEulerTimeIntegration):
    """Forward-Euler update of a R2 variable."""

    hit = forward_euler_schema(R2)
