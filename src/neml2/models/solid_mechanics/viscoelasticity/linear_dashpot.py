"""LinearDashpot: the Newtonian dashpot primitive (viscoelasticity.md),

    eps_v_dot = sigma / eta,

sigma the ``stress`` carried by the dashpot, eta the ``viscosity``.
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import SR2, Scalar


@register_neml2_object("LinearDashpot")
class LinearDashpot(Model):
    """Dashpot strain rate ``eps_v_dot = sigma / eta``."""

    hit = HitSchema(
        stress=input(SR2, doc="stress sigma carried by the dashpot"),
        viscous_strain_rate=output(SR2, doc="eps_v_dot = sigma / eta"),
        viscosity=parameter(Scalar, doc="viscosity eta"),
    )

    def forward(self, sigma: SR2, *nl: Any) -> SR2:
        return sigma / self.params(nl).viscosity
