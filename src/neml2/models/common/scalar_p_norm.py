"""ScalarPNorm: weighted p-norm ``to = (sum_i w_i |x_i|^p + eps)^(1/p)``.

``eps`` is the machine precision of the dtype; it keeps ``to`` (and so ``1 / to`` in the
derivative) away from zero when every ``x_i`` vanishes.
"""

from __future__ import annotations

from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.models.common.linear_combination import check_required_inputs, weight_slots
from neml2.models.model import Model
from neml2.schema import REQUIRED, HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("ScalarPNorm")
class ScalarPNorm(Model):
    """``to = (sum_i w_i |x_i|^p + eps)^(1/p)``."""

    hit = HitSchema(
        {
            "from": input(Scalar, REQUIRED, multi=True, doc="the variables x_i"),
            "to": output(Scalar, doc="(sum_i w_i |x_i|^p + eps)^(1/p)"),
            "exponent": parameter(Scalar, doc="the exponent p"),
            "weights": parameter(
                Scalar, "1", multi=True, attr="weight", doc="w_i, one per variable or one for all"
            ),  # slots weight_0, weight_1, ...
        }
    )

    def __init__(self, **kw: Any) -> None:
        check_required_inputs(type(self), kw)
        super().__init__(**kw)
        self.weight_names = weight_slots(self)

    def forward(self, *args: Any) -> Scalar:
        xs, nl = args[: len(self.var("from"))], args[len(self.var("from")) :]
        p = self.params(nl)
        s: Any = 0.0
        for wn, x in zip(self.weight_names, xs, strict=True):
            s = getattr(p, wn) * x.abs() ** p.exponent + s
        eps = torch.finfo(xs[0].data.dtype).eps
        return (s + eps) ** (1.0 / p.exponent)
