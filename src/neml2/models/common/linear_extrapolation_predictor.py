"""LinearExtrapolationPredictor: guess x = x~1 + (x~1 - x~2) (t - t~1) / (t~1 - t~2)."""

import torch

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.common.extrapolation_predictor import ExtrapolationPredictor, predictor_schema
from neml2.types import Scalar, TensorWrapper


@register_neml2_object("LinearExtrapolationPredictor")
class LinearExtrapolationPredictor(ExtrapolationPredictor):
    """Linear in time through the last two steps (constant where the older step has zero length)."""

    HISTORY = 2
    hit = predictor_schema()

    def extrapolate(self, u: str, x: dict[str, TensorWrapper]) -> Local:
        t = self.options["time"]
        x1, x2 = x[f"{u}~1"], x[f"{u}~2"]
        dt, dt_old = x[t] - x[f"{t}~1"], x[f"{t}~1"] - x[f"{t}~2"]
        valid = dt_old.data != 0
        ratio = Scalar(torch.where(valid, dt.data / torch.where(valid, dt_old.data, 1.0), 0.0))
        return Local(x1 + ratio * (x1 - x2), {f"{u}~1": lambda d: (1 + ratio) * d, f"{u}~2": lambda d: -ratio * d})
