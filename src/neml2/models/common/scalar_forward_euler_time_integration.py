"""ScalarForwardEulerTimeIntegration."""

from neml2.factory import register_neml2_object
from neml2.models.common.forward_euler_time_integration import ForwardEulerTimeIntegration, forward_euler_schema
from neml2.types import Scalar


@register_neml2_object("ScalarForwardEulerTimeIntegration")
class ScalarForwardEulerTimeIntegration(ForwardEulerTimeIntegration):
    """Forward-Euler update of a Scalar variable."""

    hit = forward_euler_schema(Scalar)
