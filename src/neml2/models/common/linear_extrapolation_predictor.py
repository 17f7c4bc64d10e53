"""LinearExtrapolationPredictor: guess x = x~1 + (x~1 - x~2) (t - t~1) / (t~1 - t~2)."""

from neml2.factory import register_neml2_object
from neml2.models.common.extrapolation_predictor import ExtrapolationPredictor, predictor_schema
from neml2.types import Scalar, TensorWrapper


@register_neml2_object("LinearExtrapolationPredictor")
class LinearExtrapolationPredictor(ExtrapolationPredictor):
    """Linear in time through the last two steps (constant where the older step has zero length)."""

    HISTORY = 2
    hit = predictor_schema()

    def extrapolate(self, u: str, x: dict[str, TensorWrapper]) -> TensorWrapper:
        t = self.options["time"]
        x1, x2 = x[f"{u}~1"], x[f"{u}~2"]
        dt, dt_old = x[t] - x[f"{t}~1"], x[f"{t}~1"] - x[f"{t}~2"]
        s = dt_old.abs().sign()  # 0 where the older step has zero length: the guess is then x~1
        ratio: Scalar = s * dt / (dt_old + (1.0 - s))
        return x1 + ratio * (x1 - x2)
