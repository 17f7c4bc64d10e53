"""BurgersElement: a Maxwell branch in series with a Kelvin-Voigt block (viscoelasticity.md),

    sigma       = E_M (eps - eps_v^M - eps^K),
    eps_v^M_dot = sigma / eta_M,
    eps^K_dot   = (sigma - E_K eps^K) / eta_K,

E_M / eta_M the ``maxwell_modulus`` / ``maxwell_viscosity``, E_K / eta_K the ``kelvin_modulus`` /
``kelvin_viscosity``, eps_v^M the Maxwell dashpot strain ``maxwell_viscous_strain``, eps^K the
Kelvin-Voigt block strain ``kelvin_voigt_strain``.
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import SR2, Scalar


@register_neml2_object("BurgersElement")
class BurgersElement(Model):
    """Chain stress and the rates of the Maxwell dashpot strain and the Kelvin-Voigt block strain."""

    hit = HitSchema(
        strain=input(SR2, doc="total strain eps"),
        maxwell_viscous_strain=input(SR2, doc="Maxwell dashpot strain eps_v^M"),
        kelvin_voigt_strain=input(SR2, doc="Kelvin-Voigt block strain eps^K"),
        stress=output(SR2, doc="sigma = E_M (eps - eps_v^M - eps^K)"),
        maxwell_viscous_strain_rate=output(SR2, "{maxwell_viscous_strain}_rate", doc="eps_v^M_dot = sigma / eta_M"),
        kelvin_voigt_strain_rate=output(
            SR2, "{kelvin_voigt_strain}_rate", doc="eps^K_dot = (sigma - E_K eps^K) / eta_K"
        ),
        maxwell_modulus=parameter(Scalar, doc="Maxwell spring modulus E_M"),
        maxwell_viscosity=parameter(Scalar, doc="Maxwell dashpot viscosity eta_M"),
        kelvin_modulus=parameter(Scalar, doc="Kelvin-Voigt spring modulus E_K"),
        kelvin_viscosity=parameter(Scalar, doc="Kelvin-Voigt dashpot viscosity eta_K"),
    )

    def forward(self, eps: SR2, eps_vM: SR2, eps_K: SR2, *nl: Any) -> tuple[SR2, SR2, SR2]:
        p = self.params(nl)
        sigma = p.maxwell_modulus * (eps - eps_vM - eps_K)
        return sigma, sigma / p.maxwell_viscosity, (sigma - p.kelvin_modulus * eps_K) / p.kelvin_viscosity
