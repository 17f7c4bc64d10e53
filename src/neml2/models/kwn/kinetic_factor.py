"""KineticFactor: the attachment frequency of classical nucleation theory (kwn/index.md,
"Nucleation flux"),

    beta = 4 pi R_crit^2 N_a^(4/3) / V_m^(4/3) / S,

R_crit the ``critical_radius``, N_a the ``avogadro_number``, V_m the ``molar_volume`` and S the
``projected_diffusivity_sum``.
"""

from __future__ import annotations

import math
from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("KineticFactor")
class KineticFactor(Model):
    """beta = 4 pi R_crit^2 (N_a / V_m)^(4/3) / S."""

    hit = HitSchema(
        critical_radius=input(Scalar, "critical_radius", doc="critical radius R_crit"),
        projected_diffusivity_sum=input(Scalar, "projected_diffusivity_sum", doc="projected diffusivity sum S"),
        kinetic_factor=output(Scalar, "kinetic_factor", doc="kinetic factor beta"),
        molar_volume=parameter(Scalar, doc="molar volume V_m of the precipitate"),
        avogadro_number=parameter(Scalar, doc="Avogadro number N_a"),
    )

    def forward(self, R_crit: Scalar, S: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return 4.0 * math.pi * R_crit**2 * (p.avogadro_number / p.molar_volume) ** (4.0 / 3.0) / S
