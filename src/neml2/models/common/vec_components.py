"""VecComponents: split a Vec into its three Scalar components, ``to_i = from . e_i``."""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import REQUIRED, HitSchema, input, output
from neml2.types import Scalar, Vec

_E = ((1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0))


@register_neml2_object("VecComponents")
class VecComponents(Model):
    """``(to_0, to_1, to_2) = (from_x, from_y, from_z)``."""

    hit = HitSchema(
        {
            "from": input(Vec, doc="the vector v"),
            "to": output(Scalar, REQUIRED, multi=True, doc="three Scalar names for v_x, v_y, v_z"),
        }
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        if len(self.var("to")) != 3:
            raise self._error(f"expected 3 names, got {len(self.var('to'))}", "to")

    def forward(self, a: Vec) -> tuple[Scalar, ...]:
        return tuple(a.dot(Vec.fill(*e, dtype=a.data.dtype, device=a.data.device)) for e in _E)
