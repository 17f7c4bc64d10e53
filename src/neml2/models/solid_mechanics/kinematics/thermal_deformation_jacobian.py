"""ThermalDeformationJacobian: J* = 1 + alpha (T - T0) (kinematics.md).

alpha is ``CTE``, T the ``temperature`` and T0 the ``reference_temperature``.
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("ThermalDeformationJacobian")
class ThermalDeformationJacobian(Model):
    """Thermal volumetric Jacobian for the multiplicative split F = F_mech F*."""

    hit = HitSchema(
        temperature=input(Scalar, doc="temperature T"),
        jacobian=output(Scalar, doc="J* = 1 + alpha (T - T0)"),
        reference_temperature=parameter(Scalar, doc="stress-free reference temperature T0"),
        CTE=parameter(Scalar, doc="coefficient of thermal expansion alpha"),
    )

    def forward(self, T: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return 1 + p.CTE * (T - p.reference_temperature)
