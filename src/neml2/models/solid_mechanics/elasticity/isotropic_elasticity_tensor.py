"""IsotropicElasticityTensor: the isotropic stiffness (elasticity.md),

    C = 3K I_vol + 2G I_dev,

K and G from any two of E, nu, K, G, lambda, M (``coefficients`` / ``coefficient_types``).
"""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.models.output_naming import name_output_after_block
from neml2.models.solid_mechanics.elasticity.elasticity_tensor import elasticity_tensor_schema
from neml2.models.solid_mechanics.elasticity.isotropic_coefficients import IsotropicCoefficients
from neml2.types import SSR4


@register_neml2_object("IsotropicElasticityTensor")
class IsotropicElasticityTensor(IsotropicCoefficients, Model):
    """C = 3K I_vol + 2G I_dev = 3 lambda I_vol + 2 mu I_sym."""

    hit = elasticity_tensor_schema(2)

    def __init__(self, *, _factory: Any = None, **kw: Any) -> None:
        super().__init__(_factory=_factory, **kw)
        self._declare_coefficients(_factory)
        name_output_after_block(self, "C")

    def forward(self, *nl: Any) -> SSR4:
        lam, mu = self.lame_constants(self.params(nl))
        vol, sym = SSR4.identity_vol(lam.dtype, lam.device), SSR4.identity_sym(lam.dtype, lam.device)
        return 3.0 * lam * vol + 2.0 * mu * sym
