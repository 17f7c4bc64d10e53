"""VolumeChangeEigenstrain: eps* = ((V / V0)^(1/3) - 1) I (kinematics.md).

V is the ``volume`` and V0 the ``reference_volume``.
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import SR2, Scalar


@register_neml2_object("VolumeChangeEigenstrain")
class VolumeChangeEigenstrain(Model):
    """Isotropic eigenstrain whose linear stretch is the cube root of the volume ratio."""

    hit = HitSchema(
        volume=input(Scalar, doc="current volume V"),
        eigenstrain=output(SR2, doc="eps* = ((V / V0)^(1/3) - 1) I"),
        reference_volume=parameter(Scalar, doc="reference volume V0"),
    )

    def forward(self, V: Scalar, *nl: Any) -> SR2:
        p = self.params(nl)
        return ((V / p.reference_volume) ** (1.0 / 3.0) - 1) * SR2.identity(V.dtype, V.device)
