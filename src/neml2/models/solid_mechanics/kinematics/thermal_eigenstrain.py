"""ThermalEigenstrain: eps* = alpha (T - T0) I (kinematics.md).

alpha is ``CTE``, T the ``temperature`` and T0 the ``reference_temperature``.
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import SR2, Scalar


@register_neml2_object("ThermalEigenstrain")
class ThermalEigenstrain(Model):
    """Isotropic thermal eigenstrain relative to the stress-free reference temperature."""

    hit = HitSchema(
        temperature=input(Scalar, doc="temperature T"),
        eigenstrain=output(SR2, doc="eps* = alpha (T - T0) I"),
        reference_temperature=parameter(Scalar, attr="T0", doc="stress-free reference temperature T0"),
        CTE=parameter(Scalar, attr="alpha", doc="coefficient of thermal expansion alpha"),
    )

    def forward(self, T: Scalar, *nl: Any) -> SR2:
        p = self.params(nl)
        return p.alpha * (T - p.T0) * SR2.identity(T.dtype, T.device)
