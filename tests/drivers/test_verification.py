"""The Verification driver compares outputs with CSV histories and fails loudly on a mismatch."""

from pathlib import Path

import pytest

import neml2

HERE = Path(__file__).parent
BASE = HERE.parent / "regression" / "j2_viscoplasticity.i"


def _input(tmp_path: Path, extra: str = "") -> Path:
    text = (
        BASE.read_text().replace("nbatch = 4", "nbatch = 1").replace("[1.0, 0.5, 2.0, -1.0]", "[1.0]")
        + (HERE / "verification.i").read_text()
        + extra
    )
    p = tmp_path / "verify.i"
    p.write_text(text.replace("'j2_reference.csv'", f"'{HERE / 'j2_reference.csv'}'"))
    return p


def test_verification_passes(tmp_path: Path) -> None:
    assert neml2.load_input(_input(tmp_path)).get_driver("verify").run()


def test_verification_detects_mismatch(tmp_path: Path) -> None:
    p = _input(tmp_path)
    f = neml2.load_input(p, overrides=["Models/isoharden/hardening_modulus=1100"])
    with pytest.raises(AssertionError, match=r"verification mismatch.*output\.1\.equivalent_plastic_strain"):
        f.get_driver("verify").run()
