"""TransientRegression: run a TransientDriver and compare its results with a saved gold file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

from neml2.drivers.driver import Driver
from neml2.factory import register_neml2_object
from neml2.schema import HitSchema, option


@register_neml2_object("TransientRegression")
class TransientRegression(Driver):
    """Passes when every ``input.*`` / ``output.*`` entry matches the reference within rtol / atol."""

    hit = HitSchema(
        driver=option(str, doc="the [Drivers] block (a TransientDriver) to run"),
        reference=option(str, doc="gold file of saved results (relative to the input file)"),
        rtol=option(float, 1e-5, doc="relative tolerance"),
        atol=option(float, 1e-8, doc="absolute tolerance"),
    )

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.driver = self._ref("driver", "get_driver")
        ref = Path(self.options["reference"])
        if not ref.is_absolute() and self.factory is not None:
            ref = Path(self.factory.path).parent / ref
        self.reference = ref
        self.mismatches: list[str] = []

    def run(self) -> bool:
        if not self.reference.exists():
            raise self._error(f"reference file not found: {self.reference}", "reference")
        gold = torch.load(self.reference, weights_only=True)
        self.driver.run()
        res = self.driver.result()
        rtol, atol = self.options["rtol"], self.options["atol"]
        bad = [f"missing in results: {k}" for k in gold if k not in res]
        bad += [f"not in reference: {k}" for k in res if k not in gold]
        for k in gold:
            if k in res and not torch.allclose(res[k].to(gold[k]), gold[k], rtol=rtol, atol=atol):
                err = (res[k].to(gold[k]) - gold[k]).abs().max().item()
                bad.append(f"{k}: max abs difference {err:.3e}")
        self.mismatches = bad
        if bad:
            raise AssertionError(f"{len(bad)} result(s) differ from {self.reference.name}: " + "; ".join(bad[:5]))
        return True
