"""ArrheniusParameter: ``p = p0 * exp(-Q / (R * T))``.

p0 = reference_value, Q = activation_energy, R = ideal_gas_constant, T = temperature.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.models.output_naming import name_output_after_block
from neml2.schema import REQUIRED, HitSchema, input, option, output, parameter
from neml2.types import Scalar


@register_neml2_object("ArrheniusParameter")
class ArrheniusParameter(Model):
    """A temperature-dependent parameter following the Arrhenius law."""

    hit = HitSchema(
        {
            "temperature": input(Scalar, "temperature", doc="temperature T"),
            "parameter": output(Scalar, optional=True, doc="output variable (default: the block name)"),
            "reference_value": parameter(Scalar, doc="reference value p0"),
            "activation_energy": parameter(Scalar, doc="activation energy Q"),
            "ideal_gas_constant": option(float, REQUIRED, doc="ideal gas constant R"),
        }
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        name_output_after_block(self, "parameter")
        self.R = float(self.options["ideal_gas_constant"])

    def forward(self, T: Scalar, *nl: Any) -> Scalar:
        p = self.params(nl)
        return p.reference_value * (-p.activation_energy / (self.R * T)).exp()
