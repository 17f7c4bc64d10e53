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
    with pytest.raises(
        AssertionError,
        match=r"verification mismatch in 2 variable\(s\): output\.equivalent_plastic_strain at step 1, point \(0,\): "
        r"got 8\.1093\d+e-05, expected 8\.11417\d+e-05",
    ):
        f.get_driver("verify").run()


def test_every_step_without_time_steps(tmp_path: Path) -> None:
    """50 CSV rows for a 51-step driver: steps 1..50; the SR2 mismatch names the step, point and component."""
    text = _input(tmp_path).read_text()
    start = text.index("    time_steps = ")
    p = tmp_path / "every.i"
    p.write_text(text[:start] + text[text.index("\n", start) + 1 :])
    assert neml2.load_input(p).get_driver("verify").run()
    f = neml2.load_input(p, overrides=["Models/elasticity/coefficients='1.01e5 0.3'"])
    with pytest.raises(AssertionError, match=r"output\.stress at step 1, point \(0,\), component \(0,\): got "):
        f.get_driver("verify").run()


@pytest.mark.parametrize(
    ("old", "new", "match"),
    [
        (
            "SR2_names = 'output.stress'",
            "SR2_names = 'stress'",
            r"option 'SR2_names': 'stress' should name a result "
            r"variable as '<input\|output>\.<variable>', e\.g\. 'output\.stress'",
        ),
        ("SR2_values = 'stress_ref'", "SR2_values = 'ep_ref'", r"\[Tensors\]/ep_ref is a Scalar, expected a SR2"),
        ("time_steps = '1 2 3 ", "time_steps = '2 3 ", r"has 50 rows for the 49 time_steps"),
    ],
)
def test_bad_options(tmp_path: Path, old: str, new: str, match: str) -> None:
    p = _input(tmp_path)
    p.write_text(p.read_text().replace(old, new))
    with pytest.raises(neml2.InputError, match=match):
        neml2.load_input(p).get_driver("verify")
