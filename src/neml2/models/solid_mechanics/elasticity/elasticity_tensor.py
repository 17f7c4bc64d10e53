"""Shared schema of the elasticity-tensor leaves (IsotropicElasticityTensor, CubicElasticityTensor)."""

from __future__ import annotations

from neml2.schema import HitSchema, isotropic_elastic_constants, option, output
from neml2.types import SSR4


def elasticity_tensor_schema(count: int) -> HitSchema:
    return HitSchema(
        C=output(SSR4, optional=True, doc="the stiffness tensor, Mandel 6x6 (default: the block name)"),
        coefficients=option("list", check=isotropic_elastic_constants, doc=f"{count} elastic constants"),
        coefficient_types=option(
            "list",
            doc="their kinds: YOUNGS_MODULUS POISSONS_RATIO SHEAR_MODULUS BULK_MODULUS LAME_LAMBDA P_WAVE_MODULUS",
        ),
    )
