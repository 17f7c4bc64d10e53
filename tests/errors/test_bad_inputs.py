"""Malformed input files give one-line InputErrors naming file, line, block and option; bad runtime
data gives clear ValueError / TypeError / ConvergenceError naming the variable or the step.

Each ``inputs/*.i`` starts with a comment saying what is wrong, then ``# key: value`` lines:
``get`` (``model NAME`` / ``driver NAME``), ``block`` and ``option`` (``none`` when the error
has none) and ``expect`` (a fragment of the message).
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import torch

import neml2
from neml2.types import SR2, Scalar

HERE = Path(__file__).parent
FILES = sorted((HERE / "inputs").glob("*.i"))
KEYS = ("get", "block", "option", "expect")


def _meta(path: Path) -> dict[str, str]:
    lines = path.read_text().splitlines()
    first_is_description = lines[0].startswith("# ") and not re.match(r"# (get|block|option|expect):", lines[0])
    assert first_is_description, f"{path.name}: the first line says what is wrong"
    meta = {}
    for line in lines[1:]:
        m = re.match(r"# (\w+): (.*)$", line)
        if not m:
            break
        meta[m.group(1)] = m.group(2)
    assert set(KEYS) <= set(meta), f"{path.name}: header needs {KEYS}"
    return meta


def _load(path: Path, get: str) -> object:
    kind, name = get.split()
    return getattr(neml2.load_input(path), f"get_{kind}")(name)


def test_enough_cases() -> None:
    assert len(FILES) >= 25


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_bad_input(path: Path) -> None:
    meta = _meta(path)
    with pytest.raises(neml2.InputError) as info:
        _load(path, meta["get"])
    err = info.value
    msg = str(err)
    assert isinstance(err, ValueError)
    assert "\n" not in msg, msg
    assert re.search(re.escape(str(path)) + r":\d+", msg), f"file and line missing: {msg}"
    if meta["block"] != "none":
        assert f"[{meta['block']}]" in msg, msg
    if meta["option"] != "none":
        assert f"option '{meta['option']}'" in msg, msg
    assert meta["expect"] in msg, msg
    # raised `from None` (or directly): no chained internal traceback
    assert err.__cause__ is None
    assert err.__context__ is None or err.__suppress_context__


def test_error_fields() -> None:
    path = HERE / "inputs" / "type_typo.i"
    with pytest.raises(neml2.InputError) as info:
        _load(path, "model elasticity")
    err = info.value
    assert (err.file, err.line, err.block, err.option) == (str(path), 8, "Models/elasticity", "type")


def test_multiline_reason_is_one_line() -> None:
    err = neml2.InputError("first\n  second\n", file="f.i", line=3, block="Models/m", option="x")
    assert str(err) == "f.i:3: [Models/m] option 'x': first; second"


# ------------------------------------------------------------------ runtime data
ELASTIC = """
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '1e5 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
"""


@pytest.fixture()
def elasticity() -> neml2.Model:
    return neml2.load_string(ELASTIC).get_model("elasticity")


def test_right_shape_still_works(elasticity: neml2.Model) -> None:
    stress = elasticity(torch.tensor([0.01, 0.0, 0.0, 0.0, 0.0, 0.0], dtype=torch.float64))
    lam, mu = 1e5 * 0.3 / (1.3 * 0.4), 1e5 / 2.6
    expected = torch.tensor([(lam + 2 * mu) * 0.01, lam * 0.01, lam * 0.01, 0, 0, 0], dtype=torch.float64)
    torch.testing.assert_close(stress.data, expected)
    torch.testing.assert_close(stress.data[1], torch.tensor(576.9230769230769, dtype=torch.float64))


def test_wrong_base_shape_raw(elasticity: neml2.Model) -> None:
    with pytest.raises(ValueError, match=r"input 'strain'.*SR2.*\(6,\).*\(5, 1\)"):
        elasticity(torch.zeros(5, 1, dtype=torch.float64))


def test_wrong_wrapper_type(elasticity: neml2.Model) -> None:
    with pytest.raises(TypeError, match=r"input 'strain'.*SR2.*got a Scalar"):
        elasticity(Scalar(torch.zeros(5, dtype=torch.float64)))


def test_wrong_number_of_inputs(elasticity: neml2.Model) -> None:
    eps = SR2.fill(0.01, 0.0, 0.0)
    with pytest.raises(TypeError, match=r"takes 1 inputs \(strain\), got 2"):
        elasticity(eps, eps)


DRIVER = (
    """
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, 6, dtype=torch.float64).unsqueeze(-1))'
  []
  [strains]
    type = Python
    expr = 'SR2(torch.linspace(0, 1, 6, dtype=torch.float64)[:, None, None] * torch.tensor([0.01, 0, 0, 0, 0, 0]))'
  []
[]
[Drivers]
  [driver]
    type = TransientDriver
    model = 'elasticity'
    prescribed_time = 'times'
    prescribed_SR2_names = 'strain'
    prescribed_SR2_values = 'strains'
    show_progress = false
  []
[]
"""
    + ELASTIC
)


def test_nan_strain_names_step_and_variable() -> None:
    factory = neml2.load_string(DRIVER)
    strains = factory.get_tensor("strains")
    strains.data[3, 0, 1] = math.nan
    driver = factory.get_driver("driver")
    with pytest.raises(neml2.ConvergenceError, match=r"step 3\b.*'strain'") as info:
        driver.run()
    assert "\n" not in str(info.value)
    # the steps before the failure are kept
    res = driver.result()
    torch.testing.assert_close(
        res["output.2.stress"][0, 0], torch.tensor(0.004 * 1e5 * 0.7 / (1.3 * 0.4), dtype=torch.float64)
    )
    assert "output.3.stress" not in res


IMPLICIT = """
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, 6, dtype=torch.float64).unsqueeze(-1))'
  []
  [rates]
    type = Python
    expr = 'Scalar(torch.ones(6, 1, dtype=torch.float64))'
  []
[]
[Drivers]
  [driver]
    type = TransientDriver
    model = 'return_map'
    prescribed_time = 'times'
    prescribed_Scalar_names = 'x_rate'
    prescribed_Scalar_values = 'rates'
    show_progress = false
  []
[]
[EquationSystems]
  [system]
    type = NonlinearSystem
    model = 'integrate'
    unknowns = 'x'
  []
[]
[Solvers]
  [newton]
    type = Newton
  []
[]
[Models]
  [integrate]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'x'
  []
  [return_map]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
  []
[]
"""


def test_implicit_run_ok_and_nan_step() -> None:
    factory = neml2.load_string(IMPLICIT)
    driver = factory.get_driver("driver")
    assert driver.run()
    torch.testing.assert_close(driver.result()["output.5.x"], torch.tensor([1.0], dtype=torch.float64))
    factory = neml2.load_string(IMPLICIT)
    factory.get_tensor("rates").data[4] = math.nan
    with pytest.raises(neml2.ConvergenceError, match=r"step 4\b.*'x_rate'"):
        factory.get_driver("driver").run()


# ------------------------------------------------------------------------- CLI
def _cli_available() -> bool:
    return (Path(neml2.__file__).parent / "cli" / "run.py").exists()


@pytest.mark.skipif(not _cli_available(), reason="neml2.cli.run not written yet")
@pytest.mark.parametrize("case", ["driver_missing_tensor.i", "tensors_python_raises.i", "hit_syntax_unclosed.i"])
def test_cli_run_bad_input(case: str, tmp_path: Path) -> None:
    path = tmp_path / case
    shutil.copy(HERE / "inputs" / case, path)
    exe = shutil.which("neml2-run", path=str(Path(sys.executable).parent))
    cmd = [exe] if exe else [sys.executable, "-m", "neml2.cli.run"]
    proc = subprocess.run([*cmd, str(path), "driver"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    err = proc.stderr.strip()
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert str(path) in err
    assert _meta(path)["expect"] in err


# ---------------------------------------------------------------- mutations
MUTANT_VALUES = ("'zz'", "''", "1e3x", "'a b c'", "2.5", "-1")


def _mutants(lines: list[str]) -> list[tuple[str, list[str]]]:
    """The example with one line deleted, one value replaced by junk, or one option name misspelled."""
    out = []
    for i, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append((f"delete line {i + 1}", lines[:i] + lines[i + 1 :]))
        m = re.match(r"(\s*)(\w+)\s*=\s*(.*)$", line)
        if m:
            head, tail = lines[:i], lines[i + 1 :]
            for value in MUTANT_VALUES:
                out.append((f"line {i + 1}: {m[2]} = {value}", [*head, f"{m[1]}{m[2]} = {value}", *tail]))
            out.append((f"line {i + 1}: {m[2]}x", [*head, f"{m[1]}{m[2]}x = {m[3]}", *tail]))
    return out


def test_mutated_example_builds_or_gives_input_error(tmp_path: Path) -> None:
    """Every one-line corruption of the J2 example either builds or gives a one-line, located
    InputError; never another exception type or a chained traceback."""
    lines = (HERE.parent / "regression" / "j2_viscoplasticity.i").read_text().splitlines()
    path = tmp_path / "mutant.i"
    bad, n_errors = [], 0
    mutants = _mutants(lines)
    for what, mutant in mutants:
        path.write_text("\n".join(mutant) + "\n")
        try:
            neml2.load_input(path).get_driver("driver")
        except neml2.InputError as e:
            n_errors += 1
            msg = str(e)
            if "\n" in msg or str(path) not in msg or (e.__context__ is not None and not e.__suppress_context__):
                bad.append(f"{what}: {msg!r}")
        except Exception as e:  # noqa: BLE001 - the point of the test
            bad.append(f"{what}: {type(e).__name__}: {e}")
    assert not bad, "\n".join(bad)
    assert len(mutants) > 500 and n_errors > 300
