"""Errors of the compiled route: FatalError for misuse (bad inputs, unknown names, broken artifacts)."""

from __future__ import annotations

from neml2.errors import ConvergenceError, NEML2Error


class FatalError(NEML2Error, RuntimeError):
    """Not recoverable by cutting the step: wrong input names, dtypes, devices or shapes, a missing
    or inconsistent artifact.  (A failed Newton solve raises the recoverable ConvergenceError.)"""


__all__ = ["ConvergenceError", "FatalError"]
