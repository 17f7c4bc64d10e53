"""CubicElasticityTensor: the stiffness of a cubic crystal in its lattice frame (elasticity.md),

    C = C1 I_C1 + C2 I_C2 + C3 I_C3,
    C1 = E (1 - nu) / ((1 + nu)(1 - 2 nu)),  C2 = E nu / ((1 + nu)(1 - 2 nu)),  C3 = 2 G,

from ``coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO SHEAR_MODULUS'`` (any order). In Mandel
notation I_C1 is the diagonal of the normal block, I_C2 its off-diagonal, I_C3 the shear diagonal:
C11 = C1, C12 = C2 and (Voigt) C44 = G, independent of E and nu (isotropic when G = E / (2 (1 + nu))).
"""

from __future__ import annotations

from typing import Any

import torch

from neml2.factory import register_neml2_object
from neml2.models.model import Model
from neml2.models.output_naming import name_output_after_block
from neml2.models.solid_mechanics.elasticity.elasticity_tensor import elasticity_tensor_schema
from neml2.models.solid_mechanics.elasticity.isotropic_coefficients import IsotropicCoefficients
from neml2.types import SSR4

_CONSTANTS = {"E", "nu", "G"}


def cubic_projectors(dtype: torch.dtype, device: Any) -> tuple[SSR4, SSR4, SSR4]:
    """(I_C1, I_C2, I_C3) in Mandel notation."""
    eye = torch.eye(6, dtype=dtype, device=device)
    normal = torch.zeros(6, 6, dtype=dtype, device=device)
    normal[:3, :3] = 1.0
    I1 = eye * normal
    return SSR4(I1), SSR4(normal - I1), SSR4(eye - I1)


@register_neml2_object("CubicElasticityTensor")
class CubicElasticityTensor(IsotropicCoefficients, Model):
    """C = C1 I_C1 + C2 I_C2 + C3 I_C3 from Young's modulus, Poisson's ratio and the shear modulus."""

    hit = elasticity_tensor_schema(3)

    def __init__(self, *, _factory: Any = None, **kw: Any) -> None:
        super().__init__(_factory=_factory, **kw)
        self._declare_coefficients(_factory, count=3)
        if set(self.coefficient_names) != _CONSTANTS:
            raise self._error(
                "needs the constants YOUNGS_MODULUS POISSONS_RATIO SHEAR_MODULUS (in any order), got "
                + " ".join(self.options["coefficient_types"]),
                "coefficient_types",
            )
        name_output_after_block(self, "C")

    def forward(self, *nl: Any) -> SSR4:
        p = self.params(nl)
        E, nu, G = p.E, p.nu, p.G
        s = E / ((1.0 + nu) * (1.0 - 2.0 * nu))
        I1, I2, I3 = cubic_projectors(E.dtype, E.device)
        return (s * (1.0 - nu)) * I1 + (s * nu) * I2 + (2.0 * G) * I3
