"""Driver: base of the [Drivers] types (``run()`` returns True on success)."""

from __future__ import annotations

from neml2.objects import HitObject


class Driver(HitObject):
    """Something that runs: a simulation, a regression check, a verification."""

    SECTION = "Drivers"

    def run(self) -> bool:  # pragma: no cover - abstract
        raise NotImplementedError
