"""SwellingAndPhaseChangeDeformationJacobian: J* = 1 + alpha c phi_f + (1 - c) phi_f dOmega
(kinematics.md).

phi_f is the ``fluid_fraction``, c the ``phase_fraction`` (0 solid, 1 liquid), alpha the
``swelling_coefficient`` and dOmega the ``reference_volume_difference`` between the phases.
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("SwellingAndPhaseChangeDeformationJacobian")
class SwellingAndPhaseChangeDeformationJacobian(Model):
    """Volumetric Jacobian of a swelling fluid fraction that may freeze or melt."""

    hit = HitSchema(
        fluid_fraction=input(Scalar, doc="fluid volume fraction phi_f"),
        jacobian=output(Scalar, doc="J* = 1 + alpha c phi_f + (1 - c) phi_f dOmega"),
        phase_fraction=parameter(Scalar, doc="phase fraction c (0 fully solid, 1 fully liquid)"),
        swelling_coefficient=parameter(Scalar, doc="swelling coefficient alpha"),
        reference_volume_difference=parameter(Scalar, doc="relative reference volume difference dOmega"),
    )

    def forward(self, phi: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        c = p.phase_fraction
        return 1 + p.swelling_coefficient * c * phi + (1 - c) * phi * p.reference_volume_difference
