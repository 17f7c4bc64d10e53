"""DiffusionLimitedReaction: the diffusion-limited reaction mechanism (chemical_reactions.md),

    alpha_dot = 2 D R_l R_s / omega * r_o / (r_o - r_i + delta),

D the ``diffusion_coefficient`` of the rate-limiting species through the product layer between
the dimensionless radii r_i (``product_inner_radius``) and r_o (``solid_inner_radius``), R_l and
R_s in [0, 1] the liquid and solid reactivities, omega the ``molar_volume`` of the rate-limiting
species, and delta the ``product_dummy_thickness`` that keeps the rate finite at the start of the
reaction (r_o = r_i).
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import REQUIRED, HitSchema, input, option, output, parameter, positive
from neml2.types import Scalar


@register_neml2_object("DiffusionLimitedReaction")
class DiffusionLimitedReaction(Model):
    """alpha_dot = 2 D R_l R_s / omega * r_o / (r_o - r_i + delta)."""

    hit = HitSchema(
        product_inner_radius=input(Scalar, doc="inner radius of the product layer r_i"),
        solid_inner_radius=input(Scalar, doc="inner radius of the solid (outer radius of the product) r_o"),
        liquid_reactivity=input(Scalar, doc="liquid reactivity R_l in [0, 1]"),
        solid_reactivity=input(Scalar, doc="solid reactivity R_s in [0, 1]"),
        reaction_rate=output(Scalar, doc="reaction rate 2 D R_l R_s / omega * r_o / (r_o - r_i + delta)"),
        diffusion_coefficient=parameter(Scalar, doc="diffusion coefficient D of the rate-limiting species"),
        product_dummy_thickness=option(
            float, 0.01, check=positive("product_dummy_thickness"), doc="dummy product thickness delta > 0"
        ),
        molar_volume=option(float, REQUIRED, check=positive("molar_volume"), doc="molar volume omega > 0"),
    )

    def forward(self, r_i: Scalar, r_o: Scalar, R_l: Scalar, R_s: Scalar, *nl: Any) -> Scalar:
        D = self.params(nl).diffusion_coefficient
        omega, delta = self.options["molar_volume"], self.options["product_dummy_thickness"]
        return 2 * D * R_l * R_s / omega * r_o / (r_o - r_i + delta)
