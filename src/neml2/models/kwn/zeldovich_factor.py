"""ZeldovichFactor: the Zeldovich factor of classical nucleation theory (kwn/index.md,
"Nucleation flux"),

    Z = V_m / (2 pi N_a R_crit^2) sqrt(gamma / (k_B T)),

V_m the ``molar_volume``, N_a the ``avogadro_number``, R_crit the ``critical_radius``, gamma the
``surface_energy``, k_B the ``boltzmann_constant`` and T the ``temperature``.
"""

from __future__ import annotations

import math
from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("ZeldovichFactor")
class ZeldovichFactor(Model):
    """Z = V_m / (2 pi N_a R_crit^2) sqrt(gamma / (k_B T))."""

    hit = HitSchema(
        critical_radius=input(Scalar, "critical_radius", doc="critical radius R_crit"),
        temperature=input(Scalar, "temperature", doc="temperature T"),
        zeldovich_factor=output(Scalar, "zeldovich_factor", doc="Zeldovich factor Z"),
        surface_energy=parameter(Scalar, doc="surface energy gamma"),
        molar_volume=parameter(Scalar, doc="molar volume V_m of the precipitate"),
        avogadro_number=parameter(Scalar, doc="Avogadro number N_a"),
        boltzmann_constant=parameter(Scalar, doc="Boltzmann constant k_B"),
    )

    def forward(self, R_crit: Scalar, T: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        root = (p.surface_energy / (p.boltzmann_constant * T)).sqrt()
        return p.molar_volume / (2.0 * math.pi * p.avogadro_number * R_crit**2) * root
