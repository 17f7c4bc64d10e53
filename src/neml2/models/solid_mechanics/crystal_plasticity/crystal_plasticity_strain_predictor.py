"""CrystalPlasticityStrainPredictor: Newton initial guess of the elastic strain (crystal_plasticity/index.md,
"Predictor"): while the crystal is elastic, the previous elastic strain plus a fraction ``scale`` of the
imposed strain increment; once it has yielded, the previous elastic strain,

``elastic_strain = elastic_strain~1 + H(threshold - |elastic_strain~1|) scale d (t - t~1)``,

``d`` the deformation rate, ``|.|`` the (Mandel) Frobenius norm, ``H(x) = 1 for x > 0, else 0``. ``threshold``
is a strain of the order of the yield strain (1e-3 by default): below it the step is taken as elastic
(``scale = 1`` is then the exact elastic step without spin), beyond it the elastic strain saturates
as the crystal flows, so it is carried over. Use it as (or compose it into) the ``predictor`` of an
ImplicitUpdate whose unknowns include the elastic strain."""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import SR2, Scalar


@register_neml2_object("CrystalPlasticityStrainPredictor")
class CrystalPlasticityStrainPredictor(Model):
    """elastic_strain = elastic_strain~1 + H(threshold - |elastic_strain~1|) scale d (t - t~1)."""

    hit = HitSchema(
        {
            "deformation_rate": input(SR2, "deformation_rate", doc="the imposed deformation rate d"),
            "time": input(Scalar, "t", doc="time t (t~1 the previous step)"),
            "old_time": input(Scalar, "{time}~1", hidden=True),
            "elastic_strain": output(SR2, "elastic_strain", doc="the guess of the elastic strain"),
            "old_elastic_strain": input(SR2, "{elastic_strain}~1", hidden=True),
            "scale": parameter(Scalar, "1.0", doc="fraction of the imposed strain increment added to the guess"),
            "threshold": parameter(Scalar, "1e-3", doc="elastic strain norm beyond which the guess is the old strain"),
        }
    )

    def forward(self, d: SR2, t: Scalar, tn: Scalar, en: SR2, *nl: Any) -> SR2:
        p = self.params(nl)
        elastic = (p.threshold * p.threshold - en.norm_sq()).heaviside()
        return en + elastic * p.scale * d * (t - tn)
