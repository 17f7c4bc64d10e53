"""VolumeAdjustDeformationGradient: F_mech = J^(-1/3) F (kinematics.md).

F is the ``input`` deformation gradient and J the ``jacobian`` of the volume change to remove.
"""

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import R2, Scalar


@register_neml2_object("VolumeAdjustDeformationGradient")
class VolumeAdjustDeformationGradient(Model):
    """Removes a volumetric Jacobian J from a deformation gradient."""

    hit = HitSchema(
        input=input(R2, doc="deformation gradient F"),
        jacobian=input(Scalar, doc="volumetric Jacobian J to remove"),
        output=output(R2, doc="F_mech = J^(-1/3) F"),
    )

    def forward(self, F: R2, J: Scalar) -> R2:
        return J ** (-1.0 / 3.0) * F
