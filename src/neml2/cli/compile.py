"""``neml2.cli.compile``: the former name of :mod:`neml2.cli.aoti_compile` (neml2-compile)."""

from __future__ import annotations

from neml2.cli.aoti_compile import main, parser, write_stub

__all__ = ["main", "parser", "write_stub"]

if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
