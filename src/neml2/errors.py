"""Error types: input errors name the file, block and option; convergence errors are recoverable."""

from __future__ import annotations

from typing import Any


class NEML2Error(Exception):
    """Base of all errors raised by neml2."""


class InputError(NEML2Error, ValueError):
    """A malformed input file or model definition.

    The message is one line: ``file:line: [Section/block] option 'name': what is wrong``
    (line breaks in ``message`` become ``"; "``).
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        block: str | None = None,
        option: str | None = None,
        column: int | None = None,
    ) -> None:
        self.file, self.line, self.block, self.option, self.column = file, line, block, option, column
        # one line, whatever the message (e.g. a multi-line exception text from user code)
        self.reason = "; ".join(s.strip() for s in str(message).splitlines() if s.strip())
        super().__init__(self._format())

    def _format(self) -> str:
        parts = []
        if self.file:
            loc = f":{self.line}" if self.line else ""
            loc += f":{self.column}" if self.line and self.column else ""
            parts.append(f"{self.file}{loc}: ")
        if self.block:
            parts.append(f"[{self.block}] ")
        if self.option:
            parts.append(f"option '{self.option}': ")
        return "".join(parts) + self.reason

    def located(self, **where: Any) -> InputError:
        """A copy with missing location fields filled in."""
        kw = {k: getattr(self, k) for k in ("file", "line", "block", "option", "column")}
        for key, value in where.items():
            if kw.get(key) is None:
                kw[key] = value
        return InputError(self.reason, **kw)


class ConvergenceError(NEML2Error, RuntimeError):
    """A nonlinear solve did not converge; recoverable (cut the step and retry).

    ``failed`` holds the flat batch indices of the points that failed, ``reason``
    says why (``max iterations`` / ``non-finite residual``).
    """

    recoverable = True

    def __init__(self, message: str, failed: Any = None, reason: str = "") -> None:
        super().__init__(message)
        self.failed = failed
        self.reason = reason
