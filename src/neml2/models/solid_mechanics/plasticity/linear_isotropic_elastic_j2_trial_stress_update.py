"""LinearIsotropicElasticJ2TrialStressUpdate: the radial return of the J2 effective trial stress,

    sigma_bar = sigma_bar_trial - 3 G (ep - ep~1),

sigma_bar_trial ``elastic_trial_stress`` (von Mises norm of the elastic trial stress), ep the
``equivalent_plastic_strain`` and ep~1 its value at the previous step, G the shear modulus of the
isotropic elasticity given by any two of E, nu, K, G, lambda, M (``coefficients`` /
``coefficient_types``). Closed-form J2 radial return (plasticity.md; Simo & Hughes,
Computational Inelasticity, 1998, sec. 3.3).
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.models.solid_mechanics.elasticity.isotropic_coefficients import IsotropicCoefficients
from neml2.schema import HitSchema, input, isotropic_elastic_constants, option, output
from neml2.types import Scalar


@register_neml2_object("LinearIsotropicElasticJ2TrialStressUpdate")
class LinearIsotropicElasticJ2TrialStressUpdate(IsotropicCoefficients, Model):
    """sigma_bar = sigma_bar_trial - 3 G (ep - ep~1)."""

    hit = HitSchema(
        elastic_trial_stress=input(Scalar, doc="effective elastic trial stress sigma_bar_trial"),
        equivalent_plastic_strain=input(Scalar, doc="equivalent plastic strain ep"),
        old_equivalent_plastic_strain=input(
            Scalar, "{equivalent_plastic_strain}~1", hidden=True, doc="ep at the previous step"
        ),
        updated_trial_stress=output(Scalar, doc="sigma_bar = sigma_bar_trial - 3 G (ep - ep~1)"),
        coefficients=option("list", check=isotropic_elastic_constants, doc="two elastic constants"),
        coefficient_types=option(
            "list",
            doc="their kinds: YOUNGS_MODULUS POISSONS_RATIO SHEAR_MODULUS BULK_MODULUS LAME_LAMBDA P_WAVE_MODULUS",
        ),
    )

    def __init__(self, *, _factory: Any = None, **kw: Any) -> None:
        super().__init__(_factory=_factory, **kw)
        self._declare_coefficients(_factory)

    def forward(self, s_trial: Scalar, ep: Scalar, ep_old: Scalar, *nl: Any) -> Scalar:
        _, G = self.lame_constants(self.params(nl))
        return s_trial - 3.0 * G * (ep - ep_old)
