"""MixedControlSetup: route prescribed and unknown components for mixed strain / stress control."""

from __future__ import annotations

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.schema import HitSchema, input, option, output
from neml2.types import SR2


@register_neml2_object("MixedControlSetup")
class MixedControlSetup(Model):
    """Per component, ``control > threshold`` selects: ``y = x_above``, ``z = x_below``; otherwise
    ``y = x_below``, ``z = x_above``.

    With ``x_above`` the prescribed values and ``x_below`` the unknown mixed state, ``y`` is the
    stress (target where stress-controlled) and ``z`` the strain (prescribed where strain-controlled);
    a residual ``stress(z) - y = 0`` then closes the system."""

    hit = HitSchema(
        control=input(SR2, doc="per component: above threshold selects x_above for y"),
        x_above=input(SR2, doc="values routed to y where control > threshold, else to z"),
        x_below=input(SR2, doc="values routed to z where control > threshold, else to y"),
        y=output(SR2, doc="x_above where control > threshold, else x_below"),
        z=output(SR2, doc="x_below where control > threshold, else x_above"),
        threshold=option(float, 0.5, doc="control value separating the two routes"),
    )

    def forward(self, control: SR2, above: SR2, below: SR2) -> tuple[SR2, SR2]:
        a = SR2((control.data > self.options["threshold"]).to(above.dtype))
        b = 1.0 - a
        return a * above + b * below, b * above + a * below
