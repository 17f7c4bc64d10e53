"""Input files: the new [Solvers] types load from HIT with the catalog's options; bad values give one-line
located InputErrors naming the block and the option."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_j2_linear_solvers import j2_input, newton_with

import neml2
from neml2.solvers.gmres import GMRES
from neml2.solvers.jacobi_preconditioner import JacobiPreconditioner
from neml2.solvers.nonlinear_system import BlockStructure
from neml2.solvers.schur_complement import SchurComplement

GMRES_BLOCK = """
  [linear]
    type = GMRES
{opts}
  []
  [jac]
    type = JacobiPreconditioner
  []"""
SCHUR_BLOCK = """
  [linear]
    type = SchurComplement
{opts}
  []
  [other_newton]
    type = Newton
  []"""

NEWTON_ON_PRECONDITIONER = """
  [linear]
    type = JacobiPreconditioner
  []"""

# (linear solver block, structure, block, option, expected message fragment)
BAD = {
    "cache_strategy_invalid": (
        GMRES_BLOCK.format(opts="    cache_strategy = 'sometimes'"),
        None,
        "Solvers/linear",
        "cache_strategy",
        "invalid value 'sometimes'; valid choices: none, reuse",
    ),
    "cache_strategy_typo": (
        GMRES_BLOCK.format(opts="    cache_strategy = 'reus'"),
        None,
        "Solvers/linear",
        "cache_strategy",
        "invalid value 'reus' (did you mean 'reuse'?); valid choices: none, reuse",
    ),
    "cache_max_its_zero": (
        GMRES_BLOCK.format(opts="    cache_strategy = reuse\n    cache_max_its = 0"),
        None,
        "Solvers/linear",
        "cache_max_its",
        "must be >= 1",
    ),
    "restart_zero": (GMRES_BLOCK.format(opts="    restart = 0"), None, "Solvers/linear", "restart", "must be >= 1"),
    "max_its_not_int": (
        GMRES_BLOCK.format(opts="    max_its = many"),
        None,
        "Solvers/linear",
        "max_its",
        "expected an integer",
    ),
    "negative_rel_tol": (
        GMRES_BLOCK.format(opts="    rel_tol = -1"),
        None,
        "Solvers/linear",
        "rel_tol",
        "must be >= 0",
    ),
    "preconditioner_not_a_preconditioner": (
        GMRES_BLOCK.format(opts="    preconditioner = 'lu'"),
        None,
        "Solvers/linear",
        "preconditioner",
        "'lu' is a DenseLU, not a preconditioner (one of: BlockJacobiPreconditioner, FullPreconditioner, "
        "JacobiPreconditioner, NoPreconditioner)",
    ),
    "preconditioner_missing": (
        GMRES_BLOCK.format(opts="    preconditioner = 'jacobi'"),
        None,
        "Solvers/linear",
        "preconditioner",
        "no block named 'jacobi' in [Solvers] (did you mean 'jac'?)",
    ),
    "preconditioner_unknown_option": (
        GMRES_BLOCK.format(opts="    preconditioner = 'jac'").replace(
            "type = JacobiPreconditioner", "type = JacobiPreconditioner\n    omega = 0.5"
        ),
        None,
        "Solvers/jac",
        "omega",
        "unknown option; valid options: (none)",
    ),
    "schur_missing_solver": (
        SCHUR_BLOCK.format(opts="    primary_solver = 'lu'"),
        None,
        "Solvers/linear",
        "schur_solver",
        "missing required option",
    ),
    "schur_sub_solver_is_newton": (
        SCHUR_BLOCK.format(opts="    primary_solver = 'other_newton'\n    schur_solver = 'lu'"),
        None,
        "Solvers/linear",
        "primary_solver",
        "'other_newton' is a Newton, not a linear solver (one of: BiCGStab, DenseLU, GMRES, SchurComplement)",
    ),
    "schur_group_out_of_range": (
        SCHUR_BLOCK.format(opts="    primary_solver = 'lu'\n    schur_solver = 'lu'\n    unknown_primary_group = 2"),
        None,
        "Solvers/linear",
        "unknown_primary_group",
        "group 2 out of range: the system has 2 groups (0 to 1)",
    ),
    "schur_one_group": (
        SCHUR_BLOCK.format(opts="    primary_solver = 'lu'\n    schur_solver = 'lu'"),
        "plastic_strain equivalent_plastic_strain",
        "Solvers/linear",
        "none",
        "needs at least two groups of unknowns, the system has 1",
    ),
    "schur_primary_block_not_square": (
        SCHUR_BLOCK.format(opts="    primary_solver = 'lu'\n    schur_solver = 'lu'\n    unknown_primary_group = 1"),
        None,
        "Solvers/linear",
        "none",
        "the primary block is not square: 6 residual components of group 0 for 1 unknown components of group 1",
    ),
    "newton_linear_solver_is_preconditioner": (
        NEWTON_ON_PRECONDITIONER,
        None,
        "Solvers/newton",
        "linear_solver",
        "'linear' is a JacobiPreconditioner, not a linear solver (one of: BiCGStab, DenseLU, GMRES, SchurComplement)",
    ),
    "structure_not_an_unknown": (
        "",
        "plastic_strain; stress",
        "EquationSystems/system",
        "structure",
        "'stress' is not an unknown (unknowns: plastic_strain, equivalent_plastic_strain)",
    ),
    "structure_incomplete": (
        "",
        "plastic_strain",
        "EquationSystems/system",
        "structure",
        "unknowns missing from the groups: equivalent_plastic_strain",
    ),
    "structure_repeated": (
        "",
        "plastic_strain; plastic_strain equivalent_plastic_strain",
        "EquationSystems/system",
        "structure",
        "unknown 'plastic_strain' is in more than one group",
    ),
}


def _text(case: str) -> str:
    linear, structure, *_ = BAD[case]
    return j2_input(newton_with(linear), structure)


@pytest.mark.parametrize("case", BAD, ids=list(BAD))
def test_bad_input(case: str, tmp_path: Path) -> None:
    *_, block, option, expect = BAD[case]
    path = tmp_path / f"{case}.i"
    path.write_text(_text(case))
    with pytest.raises(neml2.InputError) as info:
        neml2.load_input(path).get_driver("driver")
    err = info.value
    msg = str(err)
    assert "\n" not in msg
    assert re.match(re.escape(str(path)) + r":\d+: ", msg), msg
    assert f"[{block}]" in msg, msg
    if option != "none":
        assert f"option '{option}'" in msg, msg
    assert expect in msg, msg
    assert err.__cause__ is None


@pytest.mark.parametrize(
    "case, text",
    [
        ("cache_strategy_invalid", "cache_strategy = 'sometimes'"),
        ("schur_group_out_of_range", "unknown_primary_group = 2"),  # found when the system is known
        ("structure_repeated", "structure = "),
    ],
)
def test_errors_point_at_the_option_line(case: str, text: str, tmp_path: Path) -> None:
    path = tmp_path / "case.i"
    path.write_text(_text(case))
    with pytest.raises(neml2.InputError) as info:
        neml2.load_input(path).get_driver("driver")
    line = path.read_text().splitlines()[info.value.line - 1]
    assert text in line


def test_good_input_builds_the_objects(tmp_path: Path) -> None:
    linear = """
  [linear]
    type = SchurComplement
    primary_solver = 'gmres'
    schur_solver = 'lu'
    residual_primary_group = 1
    unknown_primary_group = 1
  []
  [gmres]
    type = GMRES
    restart = 5
    preconditioner = 'jac'
    cache_strategy = REUSE
  []
  [jac]
    type = JacobiPreconditioner
  []"""
    path = tmp_path / "case.i"
    path.write_text(j2_input(newton_with(linear), "equivalent_plastic_strain; plastic_strain"))
    f = neml2.load_input(path)
    schur = f.get_solver("linear")
    assert isinstance(schur, SchurComplement)
    assert f.get_solver("newton").linear_solver is schur
    g = schur.primary_solver
    assert isinstance(g, GMRES) and g.options["restart"] == 5 and g.cache_strategy == "reuse"
    assert isinstance(g.preconditioner, JacobiPreconditioner)
    assert g.preconditioner is not f.get_solver("jac")  # its own set-up
    system = f.get_equation_system("system")
    assert system.groups == ((1,), (0,))
    assert system.block_structure == BlockStructure(
        (6, 1), (6, 1), ((1,), (0,)), ("plastic_strain", "equivalent_plastic_strain")
    )
    assert system.block_structure.group_names(0) == "equivalent_plastic_strain"
    # residual / unknown group 1 is plastic_strain's: A is its 6x6 block, S the 1x1 of the other
    assert f.get_driver("driver").run()
    assert [t.tolist() for t in schur._split] == [list(range(6)), [6], list(range(6)), [6]]
    assert schur.primary_solver.structure == BlockStructure((6,), (6,), ((0,),), ("plastic_strain",))


def test_structure_from_python(tmp_path: Path) -> None:
    from neml2.solvers.nonlinear_system import NonlinearSystem

    path = tmp_path / "case.i"
    path.write_text(j2_input(newton_with("")))
    model = neml2.load_input(path).get_model("implicit_rate")
    unknowns = ["plastic_strain", "equivalent_plastic_strain"]
    system = NonlinearSystem(model=model, unknowns=unknowns, structure=["equivalent_plastic_strain;", "plastic_strain"])
    assert system.groups == ((1,), (0,))
    assert NonlinearSystem(model=model, unknowns=unknowns).groups == ((0,), (1,))
    with pytest.raises(neml2.InputError, match="option 'structure': empty group"):
        NonlinearSystem(model=model, unknowns=unknowns, structure="plastic_strain;; equivalent_plastic_strain")


def test_groups_written_in_the_unknowns(tmp_path: Path) -> None:
    """``unknowns = 'a; b'`` (and the residuals alike) groups the unknowns; ``structure`` then names
    each group's kind (the crystal-plasticity calibration tutorial's ``structure = 'block dense'``)."""
    from neml2.solvers.nonlinear_system import NonlinearSystem

    path = tmp_path / "case.i"
    path.write_text(j2_input(newton_with("")))
    model = neml2.load_input(path).get_model("implicit_rate")
    grouped = ["plastic_strain;", "equivalent_plastic_strain"]
    system = NonlinearSystem(model=model, unknowns=grouped, structure=["block", "dense"])
    assert system.unknowns == ["plastic_strain", "equivalent_plastic_strain"]
    assert system.residuals == ["plastic_strain_residual", "equivalent_plastic_strain_residual"]
    assert system.groups == ((0,), (1,)) and system.group_kinds == ("block", "dense")
    assert system.block_structure.columns(system.groups[1]) == [6]
    residuals = ["plastic_strain_residual", ";", "equivalent_plastic_strain_residual"]
    assert NonlinearSystem(model=model, unknowns=grouped, residuals=residuals).group_kinds == ("dense", "dense")
    with pytest.raises(neml2.InputError, match="names one kind per group, each 'block' or 'dense'"):
        NonlinearSystem(model=model, unknowns=grouped, structure=["block"])
    with pytest.raises(neml2.InputError, match="the ';' groups of residuals do not match"):
        NonlinearSystem(
            model=model,
            unknowns=["plastic_strain", "equivalent_plastic_strain"],
            residuals=["plastic_strain_residual;", ";", "equivalent_plastic_strain_residual"],
        )
