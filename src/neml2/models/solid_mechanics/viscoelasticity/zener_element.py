"""ZenerElement (Standard Linear Solid): an equilibrium spring in parallel with a Maxwell branch
(viscoelasticity.md),

    sigma     = (E_inf + E_M) eps - E_M eps_v,
    eps_v_dot = E_M / eta_M (eps - eps_v),

E_inf the ``equilibrium_modulus``, E_M the ``maxwell_modulus``, eta_M the ``maxwell_viscosity``,
eps_v the Maxwell dashpot strain ``viscous_strain``.
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import SR2, Scalar


@register_neml2_object("ZenerElement")
class ZenerElement(Model):
    """Stress and Maxwell viscous-strain rate of the standard linear solid."""

    hit = HitSchema(
        strain=input(SR2, doc="total strain eps"),
        viscous_strain=input(SR2, doc="Maxwell dashpot strain eps_v"),
        stress=output(SR2, doc="sigma = (E_inf + E_M) eps - E_M eps_v"),
        viscous_strain_rate=output(SR2, "{viscous_strain}_rate", doc="eps_v_dot = E_M / eta_M (eps - eps_v)"),
        equilibrium_modulus=parameter(Scalar, doc="equilibrium spring modulus E_inf"),
        maxwell_modulus=parameter(Scalar, doc="Maxwell spring modulus E_M"),
        maxwell_viscosity=parameter(Scalar, doc="Maxwell dashpot viscosity eta_M"),
    )

    def forward(self, eps: SR2, eps_v: SR2, *nl: Any) -> tuple[SR2, SR2]:
        p = self.params(nl)
        branch = p.maxwell_modulus * (eps - eps_v)  # the Maxwell branch stress
        return p.equilibrium_modulus * eps + branch, branch / p.maxwell_viscosity
