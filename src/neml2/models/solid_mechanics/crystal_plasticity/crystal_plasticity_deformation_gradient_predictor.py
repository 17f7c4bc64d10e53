"""CrystalPlasticityDeformationGradientPredictor: Newton initial guess of the plastic deformation gradient
``Fp`` (``F = Fe Fp``): a fraction ``scale`` of the trial elastic deviatoric strain in excess of
``threshold`` (a strain of the order of the yield strain) is taken as plastic stretch,

``Fe_tr = F Fp~1^-1``,  ``e = dev(E_tr)``, ``E_tr = (Fe_tr^T Fe_tr - I) / 2`` (the trial Green-Lagrange strain
in the intermediate configuration),

``Fp = (I + scale <1 - threshold / |e|> e) Fp~1``,

``<x> = max(x, 0)``, ``|.|`` the Frobenius norm: ``Fp = Fp~1`` while the trial state is elastic
(``|e| <= threshold``); beyond, the deviatoric (volume-preserving to first order) plastic stretch removes
``scale`` of the excess, a radial return of the trial strain toward the sphere ``|e| = threshold``
(``scale = 1``: onto it, to first order). Use it as (or compose it into) the ``predictor`` of an
ImplicitUpdate whose unknowns include ``Fp``."""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import R2, SR2, Scalar
from neml2.types.functions import where


@register_neml2_object("CrystalPlasticityDeformationGradientPredictor")
class CrystalPlasticityDeformationGradientPredictor(Model):
    """Fp = (I + scale <1 - threshold / |e|> e) Fp~1, e = dev((Fe_tr^T Fe_tr - I) / 2), Fe_tr = F Fp~1^-1."""

    hit = HitSchema(
        {
            "deformation_gradient": input(R2, "deformation_gradient", doc="the deformation gradient F"),
            "plastic_deformation_gradient": output(
                R2, "plastic_deformation_gradient", doc="the guess of the plastic deformation gradient Fp"
            ),
            "old_plastic_deformation_gradient": input(R2, "{plastic_deformation_gradient}~1", hidden=True),
            "scale": parameter(Scalar, "0.1", doc="fraction of the excess trial elastic strain taken as plastic"),
            "threshold": parameter(Scalar, "1e-3", doc="trial deviatoric elastic strain norm where flow starts"),
        }
    )

    def forward(self, F: R2, Fpn: R2, *nl: Any) -> R2:
        p = self.params(nl)
        Fe = F @ Fpn.inverse()
        e = (0.5 * ((Fe.transpose() @ Fe).sym() - SR2.identity(dtype=F.dtype, device=F.device))).dev()
        n2 = e.norm_sq()
        flows = (n2 - p.threshold * p.threshold).heaviside()
        excess = where(flows, 1.0 - p.threshold / where(flows, n2, 1.0).sqrt(), 0.0)
        return Fpn + (p.scale * excess * e.to_full()) @ Fpn
