"""EffectiveVolume: the total composite volume of a control mass (chemical_reactions.md),

    V = M / (1 - phi_o) sum_i omega_i / rho_i,

M the ``reference_mass``, omega_i the ``mass_fractions`` and rho_i the ``densities`` (one per
mass fraction), phi_o in [0, 1) the ``open_volume_fraction`` (material that left the control
mass); without phi_o the prefactor is M.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.common.linear_combination import check_required_inputs
from neml2.models.model import Model
from neml2.schema import REQUIRED, HitSchema, input, output, parameter
from neml2.types import Scalar


@register_neml2_object("EffectiveVolume")
class EffectiveVolume(Model):
    """V = M / (1 - phi_o) sum_i omega_i / rho_i (prefactor M without phi_o)."""

    hit = HitSchema(
        open_volume_fraction=input(Scalar, optional=True, doc="open volume fraction phi_o (none when unset)"),
        mass_fractions=input(Scalar, REQUIRED, multi=True, doc="mass fractions omega_i"),
        composite_volume=output(Scalar, doc="composite volume V"),
        reference_mass=parameter(Scalar, doc="reference mass M"),
        densities=parameter(Scalar, multi=True, doc="densities rho_i, one per mass fraction"),
    )

    def __init__(self, **kw: Any) -> None:
        check_required_inputs(type(self), kw)
        super().__init__(**kw)
        n, rho = len(self.var("mass_fractions")), self.param_names["densities"]
        if len(rho) != n:
            raise self._error(f"{len(rho)} densities for {n} variables in 'mass_fractions'", "densities")
        self.has_open = self.var("open_volume_fraction") is not None

    def forward(self, *args: Any) -> Scalar:
        n = len(self.var("mass_fractions"))
        phi_o, args = (args[0], args[1:]) if self.has_open else (None, args)
        ws, nl = args[:n], args[n:]
        p = self.params(nl)
        rhos = [getattr(p, name) for name in self.param_names["densities"]]
        V = p.reference_mass * sum(w / rho for w, rho in zip(ws, rhos, strict=True))
        return V if phi_o is None else V / (1 - phi_o)
