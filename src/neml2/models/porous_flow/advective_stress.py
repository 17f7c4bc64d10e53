"""AdvectiveStress: the advective stress of a swelling / phase-change volume change coupling porous
flow to a finite-deformation solid (porous_flow.md),

    p_s = -c / (3 J_s^(5/3) J_t^(2/3)) P_ij F_ij,

F the ``deformation_gradient``, P the ``pk1_stress``, c the volume-change ``coefficient`` and J_s,
J_t the optional swelling (``js``) and thermal (``jt``) Jacobians, 1 when unset.
"""

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import R2, Scalar


@register_neml2_object("AdvectiveStress")
class AdvectiveStress(Model):
    """p_s = -c / (3 J_s^(5/3) J_t^(2/3)) P : F."""

    hit = HitSchema(
        js=input(Scalar, optional=True, doc="swelling Jacobian J_s (1 when unset)"),
        jt=input(Scalar, optional=True, doc="thermal Jacobian J_t (1 when unset)"),
        deformation_gradient=input(R2, doc="deformation gradient F"),
        pk1_stress=input(R2, doc="first Piola-Kirchhoff stress P"),
        advective_stress=output(Scalar, doc="p_s = -c / (3 J_s^(5/3) J_t^(2/3)) P : F"),
        coefficient=parameter(Scalar, doc="volume-change coefficient c"),
    )

    def forward(self, *args: Any) -> Scalar:
        rest = list(args)
        js = rest.pop(0) if self.var("js") is not None else None
        jt = rest.pop(0) if self.var("jt") is not None else None
        F, P, *nl = rest
        p = self.params(tuple(nl))
        ps = -p.coefficient / 3 * P.inner(F)
        if js is not None:
            ps = ps / js ** (5.0 / 3.0)
        if jt is not None:
            ps = ps / jt ** (2.0 / 3.0)
        return ps
