"""ScalarBackwardEulerTimeIntegration."""

from neml2.factory import register_neml2_object
from neml2.models.common.backward_euler_time_integration import BackwardEulerTimeIntegration, backward_euler_schema
from neml2.types import Scalar


@register_neml2_object("ScalarBackwardEulerTimeIntegration")
class ScalarBackwardEulerTimeIntegration(BackwardEulerTimeIntegration):
    """Backward-Euler residual of a Scalar variable."""

    hit = backward_euler_schema(Scalar)
