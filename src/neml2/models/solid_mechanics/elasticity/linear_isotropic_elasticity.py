"""LinearIsotropicElasticity: sigma = 3K vol(eps) + 2G dev(eps) = lambda tr(eps) I + 2 mu eps.

elasticity.md's isotropic split, K and G (or the Lame constants lambda, mu = G) from any two of
E, nu, K, G, lambda, M (``coefficients`` / ``coefficient_types``). ``compliance = true`` is the
inverse map, eps = vol(sigma) / (3K) + dev(sigma) / (2G).

With ``rate_form = true`` the same map relates the rates: sigma_dot = lambda tr(eps_dot) I + 2 mu eps_dot,
the variables named ``<strain>_rate`` and ``<stress>_rate``.
"""

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
    """Hooke's law; ``compliance = true`` maps stress to strain, ``rate_form = true`` their rates."""

    hit = HitSchema(
        strain=input(SR2, doc="small strain (its rate with rate_form; the output with compliance)"),
        stress=output(SR2, doc="Cauchy stress (its rate with rate_form; the input with compliance)"),
        compliance=option(bool, False, doc="map stress to strain instead"),
        rate_form=option(bool, False, doc="relate <strain>_rate and <stress>_rate"),
        coefficients=option("list", check=isotropic_elastic_constants, doc="two elastic constants"),
        coefficient_types=option(
            "list",
            doc="their kinds: YOUNGS_MODULUS POISSONS_RATIO SHEAR_MODULUS BULK_MODULUS LAME_LAMBDA P_WAVE_MODULUS",
        ),
    )

    def __init__(self, *, _factory: Any = None, **kw: Any) -> None:
        super().__init__(_factory=_factory, **kw)
        self._declare_coefficients(_factory)
        # rate_form: the same linear map between the rates, named '<strain>_rate' / '<stress>_rate'
        sfx = "_rate" if self.options["rate_form"] else ""
        eps, sig = self.var("strain") + sfx, self.var("stress") + sfx
        if self.options["compliance"]:
            # compliance maps the stress (rate) to the strain (rate)
            eps, sig = sig, eps
        rest = {k: t for k, t in self.input_spec.items() if k not in (self.var("strain"), self.var("stress"))}
        self.input_spec, self.output_spec = {eps: SR2, **rest}, {sig: SR2}
        self._key_map["x"] = eps

    # Local partials kept: benchmarks/leaf_tangents.py (dual/hand 1.24 at N=3, 7.1 at N=1e5, 2026-12-03)
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
