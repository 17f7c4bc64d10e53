"""AssociativeKinematicPlasticHardening: Kp_dot = -gamma_dot N_X, N_X = df/dX.

Kp_dot is ``kinematic_plastic_strain_rate``, gamma_dot ``flow_rate``, N_X
``kinematic_hardening_direction``. plasticity.md prints ``+gamma_dot df/dX``; with the back stress
entering the yield function as ``Xi = M - X`` that sign would drive Kp against the plastic strain
(a softening ``X = H Kp``). The minus sign, as in AssociativeIsotropicPlasticHardening, gives
``Kp_dot = Ep_dot`` for associative J2 flow (tests/models/test_documented_equations.py).
"""

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output
from neml2.types import SR2, Scalar


@register_neml2_object("AssociativeKinematicPlasticHardening")
class AssociativeKinematicPlasticHardening(Model):
    """``Kp_dot = -gamma_dot * N_X`` with ``N_X = df/dX`` (the kinematic hardening direction)."""

    hit = HitSchema(
        flow_rate=input(Scalar, doc="consistency parameter rate gamma_dot"),
        kinematic_hardening_direction=input(SR2, doc="N_X = df/dX"),
        kinematic_plastic_strain_rate=output(SR2, doc="Kp_dot = -gamma_dot N_X"),
    )

    def forward(self, gamma: Scalar, NX: SR2) -> SR2:
        return -gamma * NX
