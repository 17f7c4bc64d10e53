"""SR2TwoStageThermalAnnealing: two-stage thermal annealing of a SR2 hardening variable (see
two_stage_thermal_annealing.py): ``modified_rate = (1 - H(T - T1)) base_rate - H(T - T2) base / tau``."""

from neml2.factory import register_neml2_object
from neml2.models.solid_mechanics.two_stage_thermal_annealing import (
    TwoStageThermalAnnealing,
    two_stage_thermal_annealing_schema,
)
from neml2.types import SR2


@register_neml2_object("SR2TwoStageThermalAnnealing")
class SR2TwoStageThermalAnnealing(TwoStageThermalAnnealing):
    """Two-stage thermal annealing of a SR2 hardening variable."""

    hit = two_stage_thermal_annealing_schema(SR2)
