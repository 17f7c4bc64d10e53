"""LinearIsotropicElasticity: sigma = lambda tr(eps) I + 2 mu eps (or its inverse, the compliance form)."""

from __future__ import annotations

from typing import Any

from neml2.factory import register_neml2_object
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.models.solid_mechanics.elasticity.isotropic_coefficients import IsotropicCoefficients
from neml2.schema import HitSchema, input, isotropic_elastic_constants, option, output
from neml2.types import SR2


@register_neml2_object("LinearIsotropicElasticity")
class LinearIsotropicElasticity(IsotropicCoefficients, Model):
    """Hooke's law; ``compliance = true`` maps stress to strain instead."""

    hit = HitSchema(
        strain=input(SR2),
        stress=output(SR2),
        compliance=option(bool, False),
        rate_form=option(bool, False),
        coefficients=option("list", check=isotropic_elastic_constants),
        coefficient_types=option("list"),
    )

    def __init__(self, *, _factory: Any = None, **kw: Any) -> None:
        super().__init__(_factory=_factory, **kw)
        self._declare_coefficients(_factory)
        if self.options["compliance"]:
            # compliance maps the "stress" variable to the "strain" variable
            self.input_spec, self.output_spec = {self.var("stress"): SR2}, {self.var("strain"): SR2}
            self._key_map["x"] = self.var("stress")
        else:
            self._key_map["x"] = self.var("strain")

    def forward(self, x: SR2, *nl: Any) -> Local:
        lam, mu = self.lame(self.params(nl))
        if self.options["compliance"]:
            # eps = sigma / (2 mu) - lambda / (2 mu (3 lambda + 2 mu)) tr(sigma) I
            a = 1 / (2 * mu)
            b = -3 * lam / (2 * mu * (3 * lam + 2 * mu))
        else:
            a, b = 2 * mu, 3 * lam
        y = a.v * x + b.v * x.vol()
        d = {"x": lambda t: a.v * t + b.v * t.vol()}
        for n in self.coefficient_names:
            da, db = a.d.get(n, 0.0), b.d.get(n, 0.0)
            d[n] = lambda t, da=da, db=db: t * (da * x + db * x.vol())
        return Local(y, d)
