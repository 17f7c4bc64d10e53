"""Files a newcomer can find: one registered HIT type per file, the file named after the type in
snake_case (``R2Multiplication`` -> ``r2_multiplication.py``), and ``neml2-syntax`` names that file
for every type. Read from ``src/neml2/_manifest.py`` (type -> (section, module)), which
``test_manifest`` keeps current."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import neml2
from neml2._manifest import MANIFEST
from neml2.cli.syntax import catalog

SRC = Path(neml2.__file__).resolve().parent

#: type -> its module file's name where that is not the snake_case of the type, with the reason
NAME_EXCEPTIONS: dict[str, str] = {
    # two acronyms run together, which the rule cannot split: named like their sibling csv_scalar.py
    "CSVSR2": "csv_sr2",
    "CSVWR2": "csv_wr2",
    # the algorithm's name is one word (BiCG-Stab), written so in the solver literature
    "BiCGStab": "bicgstab",
}

#: module files (relative to src/neml2/) whose own name is not snake_case, with the reason
FILE_EXCEPTIONS: dict[str, str] = {
    # an alias, not a definition: the documented extension tutorials import
    # ``from neml2.drivers.ModelUnitTest import ModelUnitTest``; the type lives in model_unit_test.py
    "drivers/ModelUnitTest.py": "re-exports neml2.drivers.model_unit_test",
}


def snake_case(name: str) -> str:
    """``SR2ToR2`` -> ``sr2_to_r2``, ``GTNYieldFunction`` -> ``gtn_yield_function``: a word starts at an
    upper-case letter after a lower-case letter or digit, and at the last capital of an acronym
    followed by a lower-case letter."""
    s = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    return re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])", "_", s).lower()


def test_snake_case() -> None:
    assert snake_case("R2Multiplication") == "r2_multiplication"
    assert snake_case("ScalarToDiagonalSR2") == "scalar_to_diagonal_sr2"
    assert snake_case("AOTIModel") == "aoti_model"
    assert snake_case("AssociativeJ2FlowDirection") == "associative_j2_flow_direction"
    assert snake_case("CopyMillerIndex") == "copy_miller_index"


@pytest.mark.parametrize("type_name", sorted(MANIFEST))
def test_module_is_named_after_the_type(type_name: str) -> None:
    _, module = MANIFEST[type_name]
    want = NAME_EXCEPTIONS.get(type_name, snake_case(type_name))
    assert module.rpartition(".")[2] == want, f"{type_name} is defined in {module}; expected a file {want}.py"
    assert (SRC / (module.replace(".", "/") + ".py")).is_file()


def test_name_exceptions_are_needed() -> None:
    stale = [t for t, f in NAME_EXCEPTIONS.items() if t not in MANIFEST or snake_case(t) == f]
    assert not stale, f"NAME_EXCEPTIONS no longer needed: {stale}"


def test_one_type_per_file() -> None:
    shared = {
        m: [t for t, (_, mod) in MANIFEST.items() if mod == m]
        for m, n in Counter(mod for _, mod in MANIFEST.values()).items()
        if n > 1
    }
    assert not shared, f"modules registering more than one type: {shared}"


def test_file_names_are_snake_case() -> None:
    """No module file outside the listed aliases is named in CamelCase (a type is looked for by its
    snake_case file)."""
    odd = sorted(
        p.relative_to(SRC).as_posix()
        for p in SRC.rglob("*.py")
        if p.stem != p.stem.lower() and p.relative_to(SRC).as_posix() not in FILE_EXCEPTIONS
    )
    assert not odd, f"files not named in snake_case: {odd}"
    assert all((SRC / f).is_file() for f in FILE_EXCEPTIONS)


def test_syntax_names_the_defining_file() -> None:
    """``neml2-syntax`` (text, ``--summary``, ``--json``) gives each built-in type its defining file."""
    described = catalog(summary=True)
    wrong = {
        t: described.get(t, {}).get("file")
        for t, (_, mod) in MANIFEST.items()
        if described.get(t, {}).get("file") != "neml2/" + mod.replace(".", "/") + ".py"
    }
    assert not wrong, f"neml2-syntax names the wrong file (or none) for: {wrong}"
