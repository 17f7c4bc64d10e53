"""SymmetricHermiteInterpolation: a symmetric cubic bump of unit area on [lower_bound, upper_bound].

``x = clamp((argument - lower_bound) / (upper_bound - lower_bound), eps, 1 - eps)``,
``s = 1 / (upper_bound - lower_bound)``,
``output = s (24 x^2 - 32 x^3)`` for x < 1/2, else ``s (24 (1 - x)^2 - 32 (1 - x)^3)``.
"""

from __future__ import annotations

from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar
from neml2.types.functions import where


def _bump(x: Scalar) -> Scalar:
    return 24.0 * x * x - 32.0 * x * x * x


@register_neml2_object("SymmetricHermiteInterpolation")
class SymmetricHermiteInterpolation(Model):
    """Piecewise cubic bump, zero at both bounds, peak 4 / (upper_bound - lower_bound) at the midpoint."""

    hit = HitSchema(
        {
            "argument": input(Scalar, "argument", doc="the argument"),
            "output": output(Scalar, optional=True, doc="output variable (default: the block name)"),
            "lower_bound": parameter(Scalar, doc="lower bound of the argument"),
            "upper_bound": parameter(Scalar, doc="upper bound of the argument"),
        }
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        if self.var("output") is None:
            name = str(self._where.get("block", "")).rpartition("/")[2]
            name = name if name.isidentifier() else "output"
            self.vars["output"] = name
            self.output_spec = {name: self.hit.fields["output"].type}

    def forward(self, a: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        eps = torch.finfo(a.dtype).eps
        scale = 1.0 / (p.upper_bound - p.lower_bound)
        x = ((a - p.lower_bound) * scale).clamp(eps, 1.0 - eps)
        return where((0.5 - x).heaviside(), scale * _bump(x), scale * _bump(1.0 - x))
