"""ConstantExtrapolationPredictor: guess x = x~1."""

from neml2.factory import register_neml2_object
from neml2.models.common.extrapolation_predictor import ExtrapolationPredictor, predictor_schema
from neml2.types import TensorWrapper


@register_neml2_object("ConstantExtrapolationPredictor")
class ConstantExtrapolationPredictor(ExtrapolationPredictor):
    """The previous step's value."""

    hit = predictor_schema()

    def extrapolate(self, u: str, x: dict[str, TensorWrapper]) -> TensorWrapper:
        return x[f"{u}~1"]
