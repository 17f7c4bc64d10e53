"""Options the catalog lists but this implementation does not act on are refused with a located error
naming the block and the option, never parsed and then ignored."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_j2_linear_solvers import j2_input

import neml2

NEWTON = """
[Solvers]
  [newton]
    type = {solver}
    {opt}
  []
[]
"""

CASES = {
    "check_negative_criterion": (
        "NewtonWithLineSearch",
        "check_negative_criterion = true",
        "",
        "Solvers/newton",
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_unsupported_option_is_refused(case: str, tmp_path: Path) -> None:
    solver, solver_opt, update_opt, block = CASES[case]
    text = j2_input(NEWTON.format(solver=solver, opt=solver_opt))
    if update_opt:
        assert "type = ImplicitUpdate" in text
        text = text.replace("type = ImplicitUpdate", f"type = ImplicitUpdate\n    {update_opt}", 1)
    path = tmp_path / "case.i"
    path.write_text(text)
    with pytest.raises(neml2.InputError) as info:
        neml2.load_input(path).get_driver("driver")
    msg = str(info.value)
    assert f"option '{case}'" in msg, msg
    assert f"[{block}" in msg, msg
    assert "not supported" in msg, msg


def test_defaults_still_load(tmp_path: Path) -> None:
    path = tmp_path / "case.i"
    path.write_text(j2_input(NEWTON.format(solver="NewtonWithLineSearch", opt="check_negative_criterion = false")))
    neml2.load_input(path).get_driver("driver")
