"""KelvinVoigtElement: a spring and a dashpot in parallel (viscoelasticity.md),

    sigma = E eps + eta eps_dot,

E the ``modulus``, eta the ``viscosity``, eps_dot the ``{strain}_rate`` (e.g. from SR2VariableRate).
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import SR2, Scalar


@register_neml2_object("KelvinVoigtElement")
class KelvinVoigtElement(Model):
    """Parallel spring-dashpot: the branch stresses add under the shared strain."""

    hit = HitSchema(
        strain=input(SR2, doc="strain eps shared by spring and dashpot"),
        strain_rate=input(SR2, "{strain}_rate", hidden=True),
        stress=output(SR2, doc="sigma = E eps + eta eps_dot"),
        modulus=parameter(Scalar, doc="spring modulus E"),
        viscosity=parameter(Scalar, doc="dashpot viscosity eta"),
    )

    def forward(self, eps: SR2, eps_dot: SR2, *nl: Any) -> SR2:
        p = self.params(nl)
        return p.modulus * eps + p.viscosity * eps_dot
