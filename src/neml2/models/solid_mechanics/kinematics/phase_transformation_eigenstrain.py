"""PhaseTransformationEigenstrain: eps* = dV f I (kinematics.md).

f is the ``phase_fraction`` and dV the ``volume_fraction_change`` between the two phases.
"""

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import SR2, Scalar


@register_neml2_object("PhaseTransformationEigenstrain")
class PhaseTransformationEigenstrain(Model):
    """Isotropic eigenstrain proportional to the transformed phase fraction."""

    hit = HitSchema(
        phase_fraction=input(Scalar, doc="phase fraction f"),
        volume_fraction_change=input(Scalar, doc="volume fraction change dV between the phases"),
        eigenstrain=output(SR2, doc="eps* = dV f I"),
    )

    def forward(self, f: Scalar, dV: Scalar) -> SR2:
        return dV * f * SR2.identity(f.dtype, f.device)
