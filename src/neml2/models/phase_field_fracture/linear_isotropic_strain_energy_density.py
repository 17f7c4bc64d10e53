"""LinearIsotropicStrainEnergyDensity: the linear-elastic isotropic strain energy density, split
into the part that drives fracture (``active``, degraded by g(d)) and the part that does not
(``inactive``) (phase_field_fracture.md),

    psi(E) = lambda/2 tr(E)^2 + mu E : E = K/2 tr(E)^2 + mu dev(E) : dev(E),

K = lambda + 2 mu / 3 the bulk modulus, mu the shear modulus, from any two isotropic constants
(``coefficients`` / ``coefficient_types``, as for LinearIsotropicElasticity). ``decomposition``:

- NONE:   psi_active = psi(E),                                psi_inactive = 0;
- VOLDEV: psi_active = K/2 <tr E>_+^2 + mu dev(E) : dev(E),   psi_inactive = K/2 <tr E>_-^2,

<x>_+ = max(x, 0), <x>_- = min(x, 0): volumetric compression does not drive fracture.
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.models.solid_mechanics.elasticity.isotropic_coefficients import IsotropicCoefficients
from neml2.schema import HitSchema, input, isotropic_elastic_constants, option, output
from neml2.types import SR2, Scalar

DECOMPOSITIONS = ("NONE", "VOLDEV")


@register_neml2_object("LinearIsotropicStrainEnergyDensity")
class LinearIsotropicStrainEnergyDensity(IsotropicCoefficients, Model):
    """(psi_active, psi_inactive) of a small strain E, no split (NONE) or volumetric-deviatoric (VOLDEV)."""

    hit = HitSchema(
        strain=input(SR2, doc="small strain E"),
        active_strain_energy_density=output(Scalar, doc="psi_active, the part degraded by g(d)"),
        inactive_strain_energy_density=output(Scalar, doc="psi_inactive, the part kept intact"),
        coefficients=option("list", check=isotropic_elastic_constants, doc="two elastic constants"),
        coefficient_types=option(
            "list",
            doc="their kinds: YOUNGS_MODULUS POISSONS_RATIO SHEAR_MODULUS BULK_MODULUS LAME_LAMBDA P_WAVE_MODULUS",
        ),
        decomposition=option(str, "NONE", choices=DECOMPOSITIONS, doc="energy split: NONE or VOLDEV"),
    )

    def __init__(self, *, _factory: Any = None, **kw: Any) -> None:
        super().__init__(_factory=_factory, **kw)
        self._declare_coefficients(_factory)
        self.decomposition = self.options["decomposition"].upper()

    def forward(self, E: SR2, *nl: Any) -> tuple[Scalar, Scalar]:
        lam, mu = self.lame_constants(self.params(nl))
        K = lam + 2 * mu / 3
        tr = E.tr()
        dev = E.dev()
        if self.decomposition == "VOLDEV":
            tr_pos = tr.macaulay()
            tr_neg = tr - tr_pos
            return K / 2 * tr_pos * tr_pos + mu * dev.inner(dev), K / 2 * tr_neg * tr_neg
        return K / 2 * tr * tr + mu * dev.inner(dev), 0.0 * tr
