"""Compiled artifacts shared by the session: each case is compiled once (by neml2-compile) into a
folder under the pytest cache; later compiles of the same case (this or another session, another
xdist worker) find the content hash unchanged and reuse the artifacts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from aoti_cases import CASES, MODEL


@dataclass
class Compiled:
    input: Path
    folder: Path  # the artifact folder (metadata.json)
    stub: Path
    argv: list[str]
    stdout: str


@pytest.fixture(scope="session")
def aoti_root(request: pytest.FixtureRequest) -> Path:
    return Path(request.config.cache.mkdir("neml2-aoti"))


@pytest.fixture(scope="session")
def compiled(aoti_root: Path) -> Callable[[str], Compiled]:
    """``compiled(case)`` -> the case's artifacts (compiled at most once per session)."""
    import contextlib
    import io

    from neml2.cli.compile import main

    done: dict[str, Compiled] = {}

    def get(case: str) -> Compiled:
        if case not in done:
            path, extra = CASES[case]
            out = aoti_root / case
            argv = [str(path), "--output-dir", str(out), *extra]
            buf = io.StringIO()
            with contextlib.redirect_stdout(buf):
                assert main(argv) == 0
            model = MODEL[case]
            done[case] = Compiled(path, out / model, out / f"{model}_aoti.i", argv, buf.getvalue())
        return done[case]

    return get
