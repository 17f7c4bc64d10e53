"""SR2BackwardEulerTimeIntegration."""

from neml2.factory import register_neml2_object
from neml2.models.common.backward_euler_time_integration import BackwardEulerTimeIntegration, backward_euler_schema
from neml2.types import SR2


@register_neml2_object("SR2BackwardEulerTimeIntegration")
class SR2BackwardEulerTimeIntegration(BackwardEulerTimeIntegration):
    """Backward-Euler residual of a SR2 variable."""

    hit = backward_euler_schema(SR2)
