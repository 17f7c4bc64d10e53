"""NucleationFluxMagnitude: the magnitude of the nucleation source (kwn/index.md, "Nucleation
flux"),

    J = Z beta N_0 exp(-dG* / (k_B T)),

Z the ``zeldovich_factor``, beta the ``kinetic_factor``, N_0 the ``nucleation_site_density``,
dG* the ``nucleation_barrier``, k_B the ``boltzmann_constant`` and T the ``temperature``.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("NucleationFluxMagnitude")
class NucleationFluxMagnitude(Model):
    """J = Z beta N_0 exp(-dG* / (k_B T))."""

    hit = HitSchema(
        zeldovich_factor=input(Scalar, "zeldovich_factor", doc="Zeldovich factor Z"),
        kinetic_factor=input(Scalar, "kinetic_factor", doc="kinetic factor beta"),
        nucleation_barrier=input(Scalar, "nucleation_barrier", doc="nucleation barrier dG*"),
        temperature=input(Scalar, "temperature", doc="temperature T"),
        nucleation_flux_magnitude=output(Scalar, "nucleation_flux_magnitude", doc="nucleation rate J"),
        nucleation_site_density=parameter(Scalar, doc="nucleation site density N_0"),
        boltzmann_constant=parameter(Scalar, doc="Boltzmann constant k_B"),
    )

    def forward(self, Z: Scalar, beta: Scalar, barrier: Scalar, T: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return Z * beta * p.nucleation_site_density * (-barrier / (p.boltzmann_constant * T)).exp()
