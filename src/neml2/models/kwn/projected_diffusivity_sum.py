"""ProjectedDiffusivitySum: the multi-species sum shared by the SFFK growth rate and the kinetic
factor (kwn/index.md, "Growth rate"),

    S = sum_k (dx_k)^2 / (D_k x_inf_k),

dx_k = x_k^(j) - x_k^*(j) the ``concentration_differences``, D_k the ``diffusivities`` and x_inf_k
the ``far_field_concentrations`` (matrix concentrations), one of each per species.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.common.linear_combination import check_required_inputs
from neml2.models.model import Model
from neml2.schema import REQUIRED, HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("ProjectedDiffusivitySum")
class ProjectedDiffusivitySum(Model):
    """S = sum_k dx_k^2 / (D_k x_inf_k)."""

    hit = HitSchema(
        far_field_concentrations=input(
            Scalar, REQUIRED, multi=True, doc="matrix (far-field) concentrations x_inf_k of the species"
        ),
        projected_diffusivity_sum=output(Scalar, "projected_diffusivity_sum", doc="S = sum_k dx_k^2 / (D_k x_k)"),
        concentration_differences=parameter(
            Scalar, multi=True, doc="precipitate minus equilibrium matrix concentration dx_k, one per species"
        ),
        diffusivities=parameter(Scalar, multi=True, doc="matrix diffusivities D_k, one per species"),
    )

    def __init__(self, **kw: Any) -> None:
        check_required_inputs(type(self), kw)
        super().__init__(**kw)
        n = len(self.var("far_field_concentrations"))
        for key in ("concentration_differences", "diffusivities"):
            if len(self.param_names[key]) != n:
                raise self._error(f"{len(self.param_names[key])} values for {n} species", key)
        self.dx_names = self.param_names["concentration_differences"]
        self.D_names = self.param_names["diffusivities"]

    def forward(self, *args: Any) -> Scalar:
        n = len(self.dx_names)
        xs, nl = args[:n], args[n:]
        p = self.params(nl)
        terms = [getattr(p, a) ** 2 / (getattr(p, b) * x) for a, b, x in zip(self.dx_names, self.D_names, xs)]
        return sum(terms[1:], terms[0])
