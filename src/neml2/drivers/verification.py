"""Verification: run a TransientDriver and compare chosen outputs with reference histories (e.g. CSV)."""

from __future__ import annotations

from typing import Any

import torch

from neml2.drivers.driver import Driver
from neml2.factory import register_neml2_object
from neml2.schema import HitSchema, option

_TYPES = ("Scalar", "SR2", "Vec", "WR2")


@register_neml2_object("Verification")
class Verification(Driver):
    """``<T>_names`` are output variables, ``<T>_values`` [Tensors] with one row per compared step
    (all steps, or those in ``time_steps``)."""

    hit = HitSchema(
        {
            "driver": option(str),
            "rtol": option(float, 1e-5),
            "atol": option(float, 1e-8),
            "time_steps": option("list[int]", None),
            **{f"{t}_{k}": option("list", None) for t in _TYPES for k in ("names", "values")},
        }
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.driver = self._ref("driver", "get_driver")
        self.references: dict[str, torch.Tensor] = {}
        for t in _TYPES:
            names, values = self.options[f"{t}_names"] or [], self.options[f"{t}_values"] or []
            if len(names) != len(values):
                raise self._error(f"{len(names)} names but {len(values)} values", f"{t}_values")
            for name, value in zip(names, values):
                if not self.factory.has_tensor(value):
                    raise self._error(f"no [Tensors] block named '{value}'", f"{t}_values")
                self.references[name] = self.factory.get_tensor(value).data

    def run(self) -> bool:
        self.driver.run()
        res = self.driver.result()
        steps = self.options["time_steps"]
        bad = []
        for name, ref in self.references.items():
            idx = steps if steps is not None else list(range(ref.shape[0]))
            if len(idx) != ref.shape[0]:
                raise self._error(f"reference for '{name}' has {ref.shape[0]} rows for {len(idx)} steps", "time_steps")
            for row, step in enumerate(idx):
                key = f"output.{step}.{name}"
                if key not in res:
                    raise self._error(f"the driver produced no '{key}'", "time_steps")
                got, want = res[key], ref[row].to(res[key])
                if not torch.allclose(got, want.expand_as(got), rtol=self.options["rtol"], atol=self.options["atol"]):
                    bad.append(f"{key}: max abs difference {(got - want).abs().max().item():.3e}")
        if bad:
            raise AssertionError(f"{len(bad)} verification mismatch(es): " + "; ".join(bad[:5]))
        return True
