"""Reductions of an SR2 over one of its dynamic batch axes (``dim``): the sum or the mean of the
points along that axis, e.g. the average stress of the grains of a polycrystal laid out as a batch
axis. The output has that axis removed."""

from __future__ import annotations

from neml2.models.model import Model
from neml2.schema import REQUIRED, HitSchema, input, option, output
from neml2.types import SR2
from neml2.types import functions as F


def dynamic_reduction_schema(what: str) -> HitSchema:
    return HitSchema(
        {
            "from": input(SR2, doc="the tensor to reduce"),
            "to": output(SR2, doc=f"its {what} over the dynamic batch axis dim"),
            "dim": option(int, REQUIRED, doc="the dynamic batch axis reduced (negative counts from the last)"),
        }
    )


class DynamicReduction(Model):
    """``to = reduce_dim from`` over a dynamic batch axis."""

    MEAN = False

    def forward(self, x: SR2) -> SR2:
        reduce = F.mean if self.MEAN else F.sum
        return reduce(x.dynamic_batch, self.options["dim"])
