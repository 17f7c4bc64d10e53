"""The J2 viscoplasticity example with the Newton linear solver switched from DenseLU to SchurComplement
and Krylov solvers: the driver results are the same."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import torch

import neml2

EXAMPLE = Path(__file__).parents[1] / "regression" / "j2_viscoplasticity.i"
UNKNOWNS = "unknowns = 'plastic_strain equivalent_plastic_strain'"


def j2_input(solvers: str, structure: str | None = None) -> str:
    """The example with its [Solvers] section replaced (the Newton block stays named ``newton``)."""
    text = EXAMPLE.read_text()
    text, n = re.subn(r"\[Solvers\]\n.*?\n\[\]\n", lambda _: solvers.strip() + "\n", text, count=1, flags=re.S)
    assert n == 1
    if structure is not None:
        text = text.replace(UNKNOWNS, f"{UNKNOWNS}\n    structure = '{structure}'")
    return text


def newton_with(linear: str) -> str:
    return f"""
[Solvers]
  [newton]
    type = Newton
    linear_solver = 'linear'
  []
{linear}
  [lu]
    type = DenseLU
  []
[]
"""


def run(text: str, tmp_path: Path) -> dict[str, torch.Tensor]:
    path = tmp_path / "case.i"
    path.write_text(text)
    d = neml2.load_input(path).get_driver("driver")
    assert d.run()
    return d.result()


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, torch.Tensor]:
    return run(EXAMPLE.read_text(), tmp_path_factory.mktemp("ref"))


CASES = {
    "schur_lu": (
        """
  [linear]
    type = SchurComplement
    primary_solver = 'lu'
    schur_solver = 'lu'
  []""",
        None,
    ),
    "schur_equivalent_plastic_strain_first_gmres": (
        """
  [linear]
    type = SchurComplement
    residual_primary_group = 1
    unknown_primary_group = 1
    primary_solver = 'lu'
    schur_solver = 'gmres'
  []
  [gmres]
    type = GMRES
    rel_tol = 1e-12
    preconditioner = 'bjac'
  []
  [bjac]
    type = BlockJacobiPreconditioner
  []""",
        "plastic_strain; equivalent_plastic_strain",
    ),
    "gmres_jacobi": (
        """
  [linear]
    type = GMRES
    rel_tol = 1e-12
    preconditioner = 'jac'
  []
  [jac]
    type = JacobiPreconditioner
  []""",
        None,
    ),
    "bicgstab_block_jacobi_reuse": (
        """
  [linear]
    type = BiCGStab
    rel_tol = 1e-12
    preconditioner = 'bjac'
    cache_strategy = 'reuse'
    cache_max_its = 3
  []
  [bjac]
    type = BlockJacobiPreconditioner
  []""",
        None,
    ),
    "gmres_full_reuse": (
        """
  [linear]
    type = GMRES
    rel_tol = 1e-12
    preconditioner = 'full'
    cache_strategy = 'reuse'
  []
  [full]
    type = FullPreconditioner
  []""",
        None,
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_same_results_as_dense_lu(case: str, reference: dict[str, torch.Tensor], tmp_path: Path) -> None:
    linear, structure = CASES[case]
    res = run(j2_input(newton_with(linear), structure), tmp_path)
    assert set(res) == set(reference)
    for key, value in reference.items():
        torch.testing.assert_close(res[key], value, rtol=1e-8, atol=1e-8, msg=key)
    assert float(reference["output.50.equivalent_plastic_strain"].max()) > 1e-3  # plastic flow happened


def test_default_tolerance_inexact_newton(reference: dict[str, torch.Tensor], tmp_path: Path) -> None:
    """GMRES at its default rel_tol = 1e-4 makes Newton inexact: it still converges, to Newton's tolerance."""
    linear = """
  [linear]
    type = GMRES
    preconditioner = 'jac'
  []
  [jac]
    type = JacobiPreconditioner
  []"""
    res = run(j2_input(newton_with(linear)), tmp_path)
    for key, value in reference.items():
        torch.testing.assert_close(res[key], value, rtol=1e-5, atol=1e-8, msg=key)


def test_linear_solver_failure_names_the_step(tmp_path: Path) -> None:
    linear = """
  [linear]
    type = BiCGStab
    max_its = 1
    rel_tol = 1e-12
  []"""
    path = tmp_path / "case.i"
    path.write_text(j2_input(newton_with(linear)))
    d = neml2.load_input(path).get_driver("driver")
    with pytest.raises(neml2.ConvergenceError) as info:
        d.run()
    msg = str(info.value)
    # the failed points are named in the whole batch, not the Newton active set
    assert re.match(
        r"step \d+ \(t = [\d.]+\) failed: Newton iteration \d+: BiCGStab did not converge in 1 iterations", msg
    )
    assert set(info.value.failed.tolist()) <= {0, 1, 2, 3}
