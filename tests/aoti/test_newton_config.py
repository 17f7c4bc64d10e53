"""One Newton configuration (neml2.solvers.newton_config.NewtonConfig): the eager solvers' defaults,
the metadata neml2-compile writes (every key), and both compiled runtimes reading it back."""

from __future__ import annotations

import json
import shutil
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from test_aoti import RUNTIMES

import neml2
from neml2.solvers.newton import Newton
from neml2.solvers.newton_config import NewtonConfig
from neml2.solvers.newton_with_line_search import NewtonWithLineSearch

KEYS = [f.name for f in fields(NewtonConfig)]
CUSTOM = {
    "atol": 1e-9,
    "rtol": 1e-7,
    "miters": 7,
    "ls_type": "STRONG_WOLFE",
    "ls_max_iters": 4,
    "ls_cutback": 3.0,
    "ls_c": 0.01,
}


def test_eager_defaults_are_the_config() -> None:
    assert NewtonConfig.from_solver(Newton()) == NewtonConfig()
    ls = NewtonConfig.from_solver(NewtonWithLineSearch())
    assert ls == NewtonConfig(ls_type="BACKTRACKING")


def test_round_trip_through_hit() -> None:
    config = NewtonConfig(**CUSTOM)
    text = config.hit_block("newton")
    solver = neml2.load_string(text).get_solver("newton")
    assert isinstance(solver, NewtonWithLineSearch)
    assert NewtonConfig.from_solver(solver) == config
    assert NewtonConfig.from_metadata(config.to_metadata()) == config
    assert set(config.to_metadata()) == set(KEYS)


@pytest.mark.slow
@pytest.mark.parametrize("runtime", RUNTIMES, ids=lambda r: r.__name__)
def test_runtimes_read_every_key(compiled: Any, runtime: type, tmp_path: Path) -> None:
    """The compiled J2 model's metadata carries every key; edited, each runtime reports the edit."""
    folder = compiled("j2").folder
    meta = json.loads((folder / "metadata.json").read_text())
    assert set(meta["solver"]) == set(KEYS)
    copy = tmp_path / folder.name
    shutil.copytree(folder, copy)
    meta["solver"] = CUSTOM
    (copy / "metadata.json").write_text(json.dumps(meta))
    m = runtime(copy)
    assert dict(m.solver_config) == CUSTOM
    # a key missing from the metadata keeps the default (the C++ SolverConfig / NewtonConfig)
    meta["solver"] = {"miters": 3}
    (copy / "metadata.json").write_text(json.dumps(meta))
    assert dict(runtime(copy).solver_config) == {**NewtonConfig().to_metadata(), "miters": 3}
