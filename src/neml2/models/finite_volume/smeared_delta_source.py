"""SmearedDeltaSource: a point source m delta(x - x0) smeared over the cells as a Gaussian of
standard deviation w (the textbook regularized delta; finite_volume.md lists the helper without a
formula),

    S_i = m exp(-(x_i - x0)^2 / (2 w^2)) / (w sqrt(2 pi)),

x_i the ``cell_centers``, x0 the ``location``, w the ``width``; S integrates to m over the line.
"""

from __future__ import annotations

import math
from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.finite_volume._spatial import field
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("SmearedDeltaSource")
class SmearedDeltaSource(Model):
    """S_i = m exp(-(x_i - x0)^2 / (2 w^2)) / (w sqrt(2 pi))."""

    hit = HitSchema(
        magnitude=input(Scalar, doc="source magnitude m (one per batch point)"),
        location=input(Scalar, doc="source location x0 (one per batch point)"),
        smeared_source=output(Scalar, "state/smeared_source", doc="S_i at the cell centers"),
        width=parameter(Scalar, doc="smearing width w (the Gaussian's standard deviation)"),
        cell_centers=parameter(Scalar, doc="cell centers x_i (N entries)"),
    )

    def forward(self, magnitude: Scalar, location: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        x = field(self, p.cell_centers, "cell_centers")
        w = p.width
        z = (x - location) / w
        return magnitude * (-0.5 * z * z).exp() / (w * math.sqrt(2.0 * math.pi))
