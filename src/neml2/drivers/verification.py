"""Verification: run a TransientDriver and compare chosen variables with reference histories (e.g. CSV)."""

from __future__ import annotations

from typing import Any

import torch

from neml2.drivers.driver import Driver
from neml2.factory import register_neml2_object
from neml2.schema import HitSchema, option
from neml2.types import TYPES

_TYPES = ("Scalar", "SR2", "Vec", "WR2")
_DOCS = {
    "names": "the compared {t} results, as <input|output>.<variable>",
    "values": "[Tensors] names of their {t} reference histories, one per name",
}


@register_neml2_object("Verification")
class Verification(Driver):
    """``<T>_names`` name result variables as ``<input|output>.<variable>`` (e.g. ``output.stress``),
    ``<T>_values`` [Tensors] with one row per compared step: the steps in ``time_steps``, else every step
    (``nsteps`` rows, from step 0, where a state the model has not produced yet is zero) or every step
    the model is called at (``nsteps - 1`` rows, from step 1)."""

    hit = HitSchema(
        {
            "driver": option(str, doc="the [Drivers] block (a TransientDriver) to run"),
            "rtol": option(float, 1e-5, doc="relative tolerance"),
            "atol": option(float, 1e-8, doc="absolute tolerance"),
            "time_steps": option("list[int]", None, doc="the compared steps, one per reference row (none: all)"),
            **{f"{t}_{k}": option("list", None, doc=doc.format(t=t)) for t in _TYPES for k, doc in _DOCS.items()},
        }
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.driver = self._ref("driver", "get_driver")
        nsteps = getattr(self.driver, "nsteps", None)
        self.references: dict[str, torch.Tensor] = {}
        steps = self.options["time_steps"]
        for t in _TYPES:
            names, values = self.options[f"{t}_names"] or [], self.options[f"{t}_values"] or []
            if len(names) != len(values):
                raise self._error(f"{len(names)} names but {len(values)} values", f"{t}_values")
            for name, value in zip(names, values):
                kind, _, var = name.partition(".")
                if kind not in ("input", "output") or not var:
                    raise self._error(
                        f"'{name}' should name a result variable as '<input|output>.<variable>', e.g. 'output.{name}'",
                        f"{t}_names",
                    )
                if name in self.references:
                    raise self._error(f"'{name}' is given twice", f"{t}_names")
                if not self.factory.has_tensor(value):
                    raise self._error(f"no [Tensors] block named '{value}'", f"{t}_values")
                ref = self.factory.get_tensor(value)
                if getattr(ref, "base_shape", None) != TYPES[t].BASE_SHAPE:
                    raise self._error(f"[Tensors]/{value} is a {type(ref).__name__}, expected a {t}", f"{t}_values")
                rows = ref.data.shape[0] if ref.data.dim() > len(ref.base_shape) else 0
                if steps is not None:
                    if rows != len(steps):
                        raise self._error(
                            f"[Tensors]/{value} has {rows} rows for the {len(steps)} time_steps", f"{t}_values"
                        )
                    bad = [s for s in steps if nsteps is not None and not 0 <= s < nsteps]
                    if bad:
                        raise self._error(f"steps {bad} are outside 0..{nsteps - 1}", "time_steps")
                elif nsteps is not None and rows not in (nsteps, nsteps - 1):
                    raise self._error(
                        f"[Tensors]/{value} has {rows} rows; the driver has {nsteps} steps (0..{nsteps - 1}): "
                        f"give {nsteps} rows, {nsteps - 1} (from step 1) or time_steps",
                        f"{t}_values",
                    )
                self.references[name] = ref.data

    def _steps(self, rows: int) -> list[int]:
        steps = self.options["time_steps"]
        if steps is not None:
            return list(steps)
        nsteps = getattr(self.driver, "nsteps", rows)
        return list(range(nsteps - rows, nsteps))

    def run(self) -> bool:
        """Run the driver and compare; raises AssertionError naming, per differing variable, the first
        differing step with its worst point and component, and how many steps differ."""
        self.driver.run()
        res = self.driver.result()
        rtol, atol = self.options["rtol"], self.options["atol"]
        bad: list[str] = []
        for name, ref in self.references.items():
            first, count, steps = "", 0, self._steps(ref.shape[0])
            for row, step in enumerate(steps):
                key = f"{name.partition('.')[0]}.{step}.{name.partition('.')[2]}"
                want = ref[row]
                if key in res:
                    got = res[key].detach()
                elif step == 0 and name.startswith("output."):
                    # before the first step: the initial condition, else zero
                    ic = self.driver.ics.get(name.partition(".")[2])
                    got = torch.zeros_like(want) if ic is None else ic.data.detach().expand_as(want)
                else:
                    have = sorted({k.split(".", 2)[2] for k in res if k.startswith(name.partition(".")[0] + ".")})
                    raise AssertionError(
                        f"Verification: the driver produced no '{key}' ({name.partition('.')[0]} variables: "
                        f"{', '.join(have)})"
                    )
                want = want.to(got)
                shape = torch.broadcast_shapes(got.shape, want.shape)
                got, want = got.expand(shape), want.expand(shape)
                err = (got - want).abs()
                excess = err - (atol + rtol * want.abs())
                if bool((excess > 0).any()) or not bool(torch.isfinite(got).all()):
                    i = int(torch.argmax(torch.nan_to_num(excess, nan=float("inf"))))
                    index = tuple(int(j) for j in torch.unravel_index(torch.tensor(i), shape))
                    base = ref.dim() - 1  # the reference is (rows, *base)
                    point = index[: len(index) - base] if base else index
                    comp = index[len(index) - base :] if base else ()
                    where = f"point {point}" + (f", component {comp}" if comp else "")
                    count += 1
                    first = first or (
                        f"{name} at step {step}, {where}: got {got.flatten()[i].item()!r}, expected "
                        f"{want.flatten()[i].item()!r} (|diff| {err.flatten()[i].item():.3e} > atol {atol:g} + "
                        f"rtol {rtol:g} * |expected|)"
                    )
            if count:
                bad.append(f"{first}; {count} of {len(steps)} steps differ")
        if bad:
            raise AssertionError(f"verification mismatch in {len(bad)} variable(s): " + "; ".join(bad))
        return True
