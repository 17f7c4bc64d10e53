"""ChemicalGibbsFreeEnergyDifference: the chemical driving force of the SFFK growth rate
(kwn/index.md, "Growth rate"),

    dG_chem = sum_k dx_k (mu_k - mu_eq_k),

dx_k the ``concentration_differences`` (precipitate minus equilibrium matrix concentration),
mu_k the matrix ``chemical_potentials`` at the current composition and mu_eq_k the
``equilibrium_potentials``, one of each per species.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.common.linear_combination import check_required_inputs
from neml2.models.model import Model
from neml2.schema import REQUIRED, HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("ChemicalGibbsFreeEnergyDifference")
class ChemicalGibbsFreeEnergyDifference(Model):
    """dG_chem = sum_k dx_k (mu_k - mu_eq_k)."""

    hit = HitSchema(
        concentration_differences=input(
            Scalar, REQUIRED, multi=True, doc="precipitate minus equilibrium matrix concentrations dx_k"
        ),
        chemical_gibbs_free_energy=output(
            Scalar, "chemical_gibbs_free_energy", doc="dG_chem = sum_k dx_k (mu_k - mu_eq_k)"
        ),
        chemical_potentials=parameter(Scalar, multi=True, doc="matrix chemical potentials mu_k, one per species"),
        equilibrium_potentials=parameter(
            Scalar, multi=True, doc="equilibrium chemical potentials mu_eq_k, one per species"
        ),
    )

    def __init__(self, **kw: Any) -> None:
        check_required_inputs(type(self), kw)
        super().__init__(**kw)
        n = len(self.var("concentration_differences"))
        for key in ("chemical_potentials", "equilibrium_potentials"):
            if len(self.param_names[key]) != n:
                raise self._error(f"{len(self.param_names[key])} values for {n} species", key)
        self.mu_names = self.param_names["chemical_potentials"]
        self.mu_eq_names = self.param_names["equilibrium_potentials"]

    def forward(self, *args: Any) -> Scalar:
        n = len(self.mu_names)
        dxs, nl = args[:n], args[n:]
        p = self.params(nl)
        terms = [dx * (getattr(p, a) - getattr(p, b)) for dx, a, b in zip(dxs, self.mu_names, self.mu_eq_names)]
        return sum(terms[1:], terms[0])
