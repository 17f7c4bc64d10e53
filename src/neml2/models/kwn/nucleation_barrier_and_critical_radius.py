"""NucleationBarrierAndCriticalRadius: classical nucleation theory (kwn/index.md, "Nucleation
flux"), per-mole convention,

    R_crit = 2 gamma V_m / dg_v,
    dG*    = 16 pi / 3 gamma^3 V_m^2 / dg_v^2,

gamma the ``surface_energy``, V_m the ``molar_volume`` and dg_v the
``total_gibbs_free_energy_difference`` (the volumetric driving force for nucleation, J/mol).
"""

from __future__ import annotations

import math
from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, output, parameter
from neml2.types import Scalar


@register_neml2_object("NucleationBarrierAndCriticalRadius")
class NucleationBarrierAndCriticalRadius(Model):
    """R_crit = 2 gamma V_m / dg_v and dG* = 16 pi gamma^3 V_m^2 / (3 dg_v^2)."""

    hit = HitSchema(
        nucleation_barrier=output(Scalar, "nucleation_barrier", doc="nucleation barrier dG*"),
        critical_radius=output(Scalar, "critical_radius", doc="critical radius R_crit"),
        surface_energy=parameter(Scalar, doc="surface energy gamma"),
        total_gibbs_free_energy_difference=parameter(Scalar, doc="volumetric driving force dg_v (J/mol)"),
        molar_volume=parameter(Scalar, doc="molar volume V_m of the precipitate"),
    )

    def forward(self, *nl: Any) -> tuple[Scalar, Scalar]:
        p = self.params(nl)
        gamma, Vm, dg = p.surface_energy, p.molar_volume, p.total_gibbs_free_energy_difference
        barrier = 16.0 * math.pi / 3.0 * gamma**3 * Vm**2 / dg**2
        return barrier, 2.0 * gamma * Vm / dg
