"""LinearKinematicHardening: X = H Kp (X ``back_stress``, H ``hardening_modulus``, Kp
``kinematic_plastic_strain``)."""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import SR2, Scalar


@register_neml2_object("LinearKinematicHardening")
class LinearKinematicHardening(Model):
    """Back stress linear in the kinematic plastic strain."""

    hit = HitSchema(
        kinematic_plastic_strain=input(SR2, doc="kinematic plastic strain Kp"),
        back_stress=output(SR2, doc="X = H Kp"),
        hardening_modulus=parameter(Scalar, doc="H"),
    )

    def forward(self, Kp: SR2, *nl: Any) -> SR2:
        return self.params(nl).hardening_modulus * Kp
