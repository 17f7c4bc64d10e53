"""WiechertElement (generalized Maxwell, two branches): an equilibrium spring in parallel with two
Maxwell branches (viscoelasticity.md),

    sigma         = E_inf eps + sum_i E_i (eps - eps_v,i),
    eps_v,i_dot   = E_i / eta_i (eps - eps_v,i),   i = 1, 2,

E_inf the ``equilibrium_modulus``, E_i ``modulus_i``, eta_i ``viscosity_i``, eps_v,i the branch
dashpot strains ``viscous_strain_i``.
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import SR2, Scalar


@register_neml2_object("WiechertElement")
class WiechertElement(Model):
    """Stress and the two branch viscous-strain rates of a two-branch generalized Maxwell model."""

    hit = HitSchema(
        strain=input(SR2, doc="total strain eps"),
        viscous_strain_1=input(SR2, doc="dashpot strain eps_v,1 of branch 1"),
        viscous_strain_2=input(SR2, doc="dashpot strain eps_v,2 of branch 2"),
        stress=output(SR2, doc="sigma = E_inf eps + sum_i E_i (eps - eps_v,i)"),
        viscous_strain_1_rate=output(SR2, "{viscous_strain_1}_rate", doc="eps_v,1_dot = E_1 / eta_1 (eps - eps_v,1)"),
        viscous_strain_2_rate=output(SR2, "{viscous_strain_2}_rate", doc="eps_v,2_dot = E_2 / eta_2 (eps - eps_v,2)"),
        equilibrium_modulus=parameter(Scalar, doc="equilibrium spring modulus E_inf"),
        modulus_1=parameter(Scalar, doc="spring modulus E_1 of branch 1"),
        viscosity_1=parameter(Scalar, doc="dashpot viscosity eta_1 of branch 1"),
        modulus_2=parameter(Scalar, doc="spring modulus E_2 of branch 2"),
        viscosity_2=parameter(Scalar, doc="dashpot viscosity eta_2 of branch 2"),
    )

    def forward(self, eps: SR2, eps_v1: SR2, eps_v2: SR2, *nl: Any) -> tuple[SR2, SR2, SR2]:
        p = self.params(nl)
        s1 = p.modulus_1 * (eps - eps_v1)  # branch stresses
        s2 = p.modulus_2 * (eps - eps_v2)
        return p.equilibrium_modulus * eps + s1 + s2, s1 / p.viscosity_1, s2 / p.viscosity_2
