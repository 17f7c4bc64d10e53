"""IdealSolutionVolumetricDrivingForce: the Hu-Cocks ideal-solution driving force for nucleation
(kwn/index.md, "Nucleation flux"),

    dg_v = R_g T sum_k w_k ln(c_k / c_eq_k),

c_k the ``current_concentrations`` (matrix), c_eq_k the ``equilibrium_concentrations`` and w_k
the ``weights`` (one per species, or one for all; all 1 is the "product of all components"
convention of compound precipitates), in J/mol.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.common.linear_combination import check_required_inputs
from neml2.models.model import Model
from neml2.schema import REQUIRED, HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("IdealSolutionVolumetricDrivingForce")
class IdealSolutionVolumetricDrivingForce(Model):
    """dg_v = R_g T sum_k w_k ln(c_k / c_eq_k)."""

    hit = HitSchema(
        temperature=input(Scalar, "temperature", doc="temperature T"),
        current_concentrations=input(Scalar, REQUIRED, multi=True, doc="matrix concentrations c_k of the species"),
        driving_force=output(Scalar, "driving_force", doc="dg_v = R_g T sum_k w_k ln(c_k / c_eq_k)"),
        gas_constant=parameter(Scalar, doc="gas constant R_g"),
        equilibrium_concentrations=parameter(
            Scalar, multi=True, doc="equilibrium matrix concentrations c_eq_k, one per species"
        ),
        weights=parameter(Scalar, "1", multi=True, doc="weights w_k, one per species or one for all"),
    )

    def __init__(self, **kw: Any) -> None:
        check_required_inputs(type(self), kw)
        super().__init__(**kw)
        n = len(self.var("current_concentrations"))
        eq, w = self.param_names["equilibrium_concentrations"], self.param_names["weights"]
        if len(eq) != n:
            raise self._error(f"{len(eq)} equilibrium concentrations for {n} species", "equilibrium_concentrations")
        if len(w) not in (1, n):
            raise self._error(f"{len(w)} weights for {n} species", "weights")
        self.eq_names = eq
        self.w_names = w * n if len(w) == 1 else w

    def forward(self, T: Scalar, *args: Any) -> Scalar:
        n = len(self.eq_names)
        cs, nl = args[:n], args[n:]
        p = self.params(nl)
        # ln(c_k / c_eq_k) as ln c_k - ln c_eq_k: the same value, with no round-off in the mixed second derivative
        terms = [getattr(p, w) * (c.log() - getattr(p, e).log()) for c, e, w in zip(cs, self.eq_names, self.w_names)]
        return p.gas_constant * T * sum(terms[1:], terms[0])
