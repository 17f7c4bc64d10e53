"""VecBackwardEulerTimeIntegration."""

from neml2.factory import register_neml2_object
from neml2.models.common.backward_euler_time_integration import BackwardEulerTimeIntegration, backward_euler_schema
from neml2.types import Vec


@register_neml2_object("VecBackwardEulerTimeIntegration")
class VecBackwardEulerTimeIntegration(BackwardEulerTimeIntegration):
    """Backward-Euler residual of a Vec variable."""

    hit = backward_euler_schema(Vec)
