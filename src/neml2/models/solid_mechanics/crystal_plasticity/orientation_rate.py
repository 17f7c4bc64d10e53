"""OrientationRate: the elastic spin of the small-elastic-strain crystal kinematics
(crystal_plasticity/index.md),

    Q_dot Q^T = Omega^e = w - w^p - eps d^p + d^p eps,

eps the ``elastic_strain``, w the ``vorticity``, d^p / w^p the ``plastic_deformation_rate`` /
``plastic_vorticity``. ``d^p eps - eps d^p`` is skew; the output is the spin as a WR2.
"""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import SR2, WR2


@register_neml2_object("OrientationRate")
class OrientationRate(Model):
    """Omega^e = w - w^p - eps d^p + d^p eps."""

    hit = HitSchema(
        elastic_strain=input(SR2, doc="the elastic strain eps"),
        vorticity=input(WR2, doc="the vorticity w"),
        plastic_deformation_rate=input(SR2, doc="the plastic deformation rate d^p"),
        plastic_vorticity=input(WR2, doc="the plastic vorticity w^p"),
        orientation_rate=output(WR2, doc="Omega^e = w - w^p - eps d^p + d^p eps"),
    )

    def forward(self, eps: SR2, w: WR2, dp: SR2, wp: WR2) -> WR2:
        e, D = eps.to_full(), dp.to_full()
        return w - wp + WR2.from_full(D @ e - e @ D)
