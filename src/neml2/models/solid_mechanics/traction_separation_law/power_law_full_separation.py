"""PowerLawFullSeparation: the mixed-mode failure separation of the bilinear cohesive law under
the Alfano-Crisfield power-law criterion (G_I / G_Ic)^eta + (G_II / G_IIc)^eta = 1, which for the
bilinear envelope with mode mixity beta gives (traction_separation_law.md)

    delta_f = 2 (1 + beta^2) / (K delta_c) [(1 / G_Ic)^eta + (beta^2 / G_IIc)^eta]^(-1/eta)  (delta_n > 0),
    delta_f = 2 G_IIc / S                                                             (delta_n <= 0),

K the ``penalty_stiffness``, delta_c the ``critical_separation``, G_Ic / G_IIc the mode I / II
fracture toughnesses. A closed interface (``normal_separation`` delta_n <= 0) fails in pure mode
II: the limit beta -> oo with delta_c = S / K, S the ``shear_strength``.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar
from neml2.types.functions import where


@register_neml2_object("PowerLawFullSeparation")
class PowerLawFullSeparation(Model):
    """Mixed-mode failure separation ``delta_f(beta, delta_c)``, power-law criterion."""

    hit = HitSchema(
        normal_separation=input(Scalar, doc="normal opening delta_n (selects the opening branch delta_n > 0)"),
        full_separation=output(Scalar, doc="mixed-mode failure separation delta_f"),
        mode_mixity=parameter(Scalar, doc="mode mixity beta (e.g. a ModeMixity output)"),
        critical_separation=parameter(Scalar, doc="damage-onset separation delta_c (e.g. a CamanhoDavila output)"),
        penalty_stiffness=parameter(Scalar, doc="penalty (initial) stiffness K"),
        mode_I_fracture_toughness=parameter(Scalar, doc="mode I critical energy release rate G_Ic"),
        mode_II_fracture_toughness=parameter(Scalar, doc="mode II critical energy release rate G_IIc"),
        shear_strength=parameter(Scalar, doc="shear strength S (pure mode II failure of a closed interface)"),
        eta=parameter(Scalar, doc="power-law exponent eta"),
    )

    def forward(self, dn: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        b2 = p.mode_mixity * p.mode_mixity
        G1, G2, eta = p.mode_I_fracture_toughness, p.mode_II_fracture_toughness, p.eta
        s = (1 / G1) ** eta + (b2 / G2) ** eta
        opening = 2 * (1 + b2) / (p.penalty_stiffness * p.critical_separation) * s ** (-1 / eta)
        return where(dn.heaviside(), opening, 2 * G2 / p.shear_strength)
