"""Command-line tools: ``neml2-run``, ``neml2-inspect``, ``neml2-syntax``."""

from __future__ import annotations

import sys

#: exit status of a bad input file or a failed nonlinear solve
EXIT_INPUT = 2


def error(prog: str, message: str) -> None:
    """Print one line to stderr (no traceback): ``prog: error: message``."""
    line = " ".join(str(message).split())
    print(f"{prog}: error: {line}", file=sys.stderr)
