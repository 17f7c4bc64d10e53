"""ElasticStrainRate: the elastic stretch rate of the small-elastic-strain crystal kinematics
(crystal_plasticity/index.md),

    eps_dot = d - d^p - eps w + w eps,

eps the ``elastic_strain``, d / w the ``deformation_rate`` / ``vorticity`` (sym / skew parts of the
spatial velocity gradient), d^p the ``plastic_deformation_rate``. ``w eps - eps w`` is symmetric.
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import SR2, WR2


@register_neml2_object("ElasticStrainRate")
class ElasticStrainRate(Model):
    """eps_dot = d - d^p - eps w + w eps."""

    hit = HitSchema(
        elastic_strain=input(SR2, doc="the elastic strain eps"),
        deformation_rate=input(SR2, doc="the deformation rate d"),
        vorticity=input(WR2, doc="the vorticity w"),
        plastic_deformation_rate=input(SR2, doc="the plastic deformation rate d^p"),
        elastic_strain_rate=output(SR2, doc="eps_dot = d - d^p - eps w + w eps"),
    )

    def forward(self, eps: SR2, d: SR2, w: WR2, dp: SR2) -> SR2:
        e, W = eps.to_full(), w.to_full()
        return d - dp + SR2.from_full(W @ e - e @ W)
