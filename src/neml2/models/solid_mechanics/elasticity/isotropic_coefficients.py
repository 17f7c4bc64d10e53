"""Isotropic elastic constants: any two of E, nu, G, K, lambda, M -> Lame (lambda, mu) with derivatives.

The conversions are written once over ``Dual`` numbers, so the derivatives of
``(lambda, mu)`` with respect to each given constant come out of the same formula
(needed when a constant is promoted to an input).
"""

from __future__ import annotations

import math
from typing import Any

from neml2.errors import InputError

NAMES = {
    "YOUNGS_MODULUS": "E",
    "POISSONS_RATIO": "nu",
    "SHEAR_MODULUS": "G",
    "BULK_MODULUS": "K",
    "LAME_LAMBDA": "lambda",
    "P_WAVE_MODULUS": "M",
}


class Dual:
    """A value with first derivatives along several named directions."""

    __slots__ = ("v", "d")

    def __init__(self, v: Any, d: dict[str, Any]) -> None:
        self.v, self.d = v, d

    def _lift(self, o: Any) -> Dual:
        return o if isinstance(o, Dual) else Dual(o, {})

    def _comb(self, o: Dual, fa: Any, fb: Any, v: Any) -> Dual:
        d: dict[str, Any] = {}
        for k, x in self.d.items():
            d[k] = x * fa
        for k, x in o.d.items():
            d[k] = d[k] + x * fb if k in d else x * fb
        return Dual(v, d)

    def __add__(self, o: Any) -> Dual:
        o = self._lift(o)
        return self._comb(o, 1.0, 1.0, self.v + o.v)

    __radd__ = __add__

    def __sub__(self, o: Any) -> Dual:
        o = self._lift(o)
        return self._comb(o, 1.0, -1.0, self.v - o.v)

    def __rsub__(self, o: Any) -> Dual:
        return self._lift(o) - self

    def __mul__(self, o: Any) -> Dual:
        o = self._lift(o)
        return self._comb(o, o.v, self.v, self.v * o.v)

    __rmul__ = __mul__

    def __truediv__(self, o: Any) -> Dual:
        o = self._lift(o)
        q = self.v / o.v
        return self._comb(o, 1.0 / o.v, -q / o.v, q)

    def __rtruediv__(self, o: Any) -> Dual:
        return self._lift(o) / self

    def sqrt(self) -> Dual:
        r = self.v.sqrt() if hasattr(self.v, "sqrt") else math.sqrt(self.v)
        return Dual(r, {k: x * (0.5 / r) for k, x in self.d.items()})


def _lame(c: dict[str, Dual]) -> tuple[Dual, Dual]:
    """(lambda, mu) from the two constants present in ``c``."""
    key = frozenset(c)
    g = c.get
    if key == {"E", "nu"}:
        E, nu = g("E"), g("nu")
        return E * nu / ((1 + nu) * (1 - 2 * nu)), E / (2 * (1 + nu))
    if key == {"E", "G"}:
        E, G = g("E"), g("G")
        return G * (E - 2 * G) / (3 * G - E), G
    if key == {"E", "K"}:
        E, K = g("E"), g("K")
        return 3 * K * (3 * K - E) / (9 * K - E), 3 * K * E / (9 * K - E)
    if key == {"E", "lambda"}:
        E, lam = g("E"), g("lambda")
        R = (E * E + 9 * lam * lam + 2 * E * lam).sqrt()
        return lam, (E - 3 * lam + R) / 4
    if key == {"E", "M"}:
        E, M = g("E"), g("M")
        S = (E * E + 9 * M * M - 10 * E * M).sqrt()
        return (M - E + S) / 4, (3 * M + E - S) / 8
    if key == {"nu", "G"}:
        nu, G = g("nu"), g("G")
        return 2 * G * nu / (1 - 2 * nu), G
    if key == {"nu", "K"}:
        nu, K = g("nu"), g("K")
        return 3 * K * nu / (1 + nu), 3 * K * (1 - 2 * nu) / (2 * (1 + nu))
    if key == {"nu", "lambda"}:
        nu, lam = g("nu"), g("lambda")
        return lam, lam * (1 - 2 * nu) / (2 * nu)
    if key == {"nu", "M"}:
        nu, M = g("nu"), g("M")
        return M * nu / (1 - nu), M * (1 - 2 * nu) / (2 * (1 - nu))
    if key == {"G", "K"}:
        G, K = g("G"), g("K")
        return K - 2 * G / 3, G
    if key == {"G", "lambda"}:
        return g("lambda"), g("G")
    if key == {"G", "M"}:
        G, M = g("G"), g("M")
        return M - 2 * G, G
    if key == {"K", "lambda"}:
        K, lam = g("K"), g("lambda")
        return lam, 3 * (K - lam) / 2
    if key == {"K", "M"}:
        K, M = g("K"), g("M")
        return (3 * K - M) / 2, 3 * (M - K) / 4
    if key == {"lambda", "M"}:
        lam, M = g("lambda"), g("M")
        return lam, (M - lam) / 2
    raise ValueError(f"unsupported pair {sorted(key)}")  # pragma: no cover


class IsotropicCoefficients:
    """Mixin: declares ``coefficients`` / ``coefficient_types`` as named parameters."""

    def _declare_coefficients(self, factory: Any, count: int = 2) -> None:
        values = self.options["coefficients"]  # type: ignore[attr-defined]
        types = self.options["coefficient_types"]  # type: ignore[attr-defined]
        if len(values) != count or len(types) != count:
            raise InputError(
                f"needs exactly {count} coefficients and {count} coefficient_types, got {len(values)} and {len(types)}",
                option="coefficients" if len(values) != count else "coefficient_types",
                **self._where,  # type: ignore[attr-defined]
            )
        names = []
        for t in types:
            if t not in NAMES:
                raise InputError(
                    f"invalid coefficient type {t!r}; valid choices: {', '.join(NAMES)}",
                    option="coefficient_types",
                    **self._where,  # type: ignore[attr-defined]
                )
            names.append(NAMES[t])
        if len(set(names)) != len(names):
            dup = next(t for t in types if types.count(t) > 1)
            raise InputError(
                f"coefficient_types names {dup} twice; give different constants",
                option="coefficient_types",
                **self._where,  # type: ignore[attr-defined]
            )
        from neml2.types import Scalar

        for name, value in zip(names, values):
            try:
                self.declare_typed_parameter(name, value, Scalar, factory=factory, allow_nonlinear=True)  # type: ignore[attr-defined]
            except InputError as e:
                raise e.located(option="coefficients", **self._where) from None  # type: ignore[attr-defined]
        self.coefficient_names = names

    def lame_constants(self, p: Any) -> tuple[Any, Any]:
        """Lame constants (lambda, mu) of this call's coefficient values (typed tensors)."""
        return _lame({n: getattr(p, n) for n in self.coefficient_names})

    def lame(self, p: Any) -> tuple[Dual, Dual]:
        """Lame constants for this call, with derivatives w.r.t. each coefficient name."""
        c = {n: Dual(getattr(p, n), {n: 1.0}) for n in self.coefficient_names}
        return _lame(c)
