"""The ModelUnitTest driver itself: it passes correct models and names the broken pair otherwise."""

import pytest
import torch

import neml2
from neml2.drivers.model_unit_test import ModelUnitTest, ModelUnitTestReport
from neml2.errors import InputError
from neml2.models.chain_rule import Local
from neml2.models.model import Model
from neml2.schema import HitSchema, input, output, parameter
from neml2.types import Scalar


class Cube(Model):
    """y = c x^3, with a deliberately scalable first and second derivative."""

    SUPPORTS_SECOND_ORDER = True
    hit = HitSchema(x=input(Scalar), y=output(Scalar), c=parameter(Scalar, "2"))
    d1_factor = 1.0
    d2_factor = 1.0

    def forward(self, x: Scalar, *nl: Scalar) -> Local:
        c = self.params(nl).c
        return Local(
            c * x * x * x,
            {"x": lambda t: self.d1_factor * 3 * c * x * x * t, "c": lambda t: t * x * x * x},
            {("x", "x"): lambda a, b: self.d2_factor * 6 * c * x * a * b},
        )


class FirstOrderOnly(Model):
    """A model whose forward takes ``v`` itself and does not declare second order."""

    hit = HitSchema(x=input(Scalar), y=output(Scalar))

    def forward(self, x: Scalar, v: object = None) -> object:
        return x if v is None else (x, {"y": dict(v.get("x", {}))})


def _driver(model: Model, expected: str = "54", **kw: object) -> ModelUnitTest:
    options = {
        "batch_shape": "(3,)",
        "input_Scalar_names": ["x"],
        "input_Scalar_values": ["3"],
        "output_Scalar_names": ["y"],
        "output_Scalar_values": [expected],
    }
    return ModelUnitTest(model=model, **{**options, **kw})


def test_correct_model_passes() -> None:
    assert _driver(Cube(), check_second_derivatives=True).run()


def test_wrong_value_is_reported() -> None:
    with pytest.raises(AssertionError, match=r"model 'Cube': value of 'y': got 54\.0, expected 54\.001 "):
        _driver(Cube(), expected="54.001").run()


@pytest.mark.parametrize("factor", [1 + 1e-8, -1.0])
def test_wrong_first_derivative_is_reported(factor: float) -> None:
    model = Cube()
    model.d1_factor = factor
    with pytest.raises(AssertionError, match=r"first order \(batched\): d\(y\)/d\(x\)"):
        _driver(model, derivative_rel_tol=1e-10, derivative_abs_tol=1e-12).run()


def test_wrong_second_derivative_is_reported() -> None:
    model = Cube()
    model.d2_factor = 0.5
    with pytest.raises(AssertionError, match=r"second order \(v2\): d\(y\)/d\(a:x, a:x\)"):
        _driver(model, check_second_derivatives=True).run()


def test_promoted_parameter_is_an_input() -> None:
    model = Cube(c="k")
    driver = ModelUnitTest(
        model=model,
        batch_shape="(2,)",
        input_Scalar_names=["x", "k"],
        input_Scalar_values=["3 2"],
        output_Scalar_names=["y"],
        output_Scalar_values=["54"],
    )
    assert driver.run()


def test_literals_split_and_fill() -> None:
    text = """
[Models]
  [m]
    type = SR2LinearCombination
    from = 'a b'
    to = 'c'
  []
[]
[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'm'
    input_SR2_names = 'a b'
    input_SR2_values = '1 2 3 4 5 6 0 0 0 0 0 1'
    output_SR2_names = 'c'
    output_SR2_values = '1 2 3; 4 5 7'
  []
[]
"""
    with pytest.raises(InputError, match="cannot split"):  # '1 2 3; 4 5 7' is two literals for one name
        neml2.load_string(text).get_driver("unit")
    # a = fill(1..6), b = fill(0, 0, 0, 0, 0, 1) (split evenly), c = a + b = fill(1, 2, 3, 4, 5, 7)
    driver = neml2.load_string(text.replace("'1 2 3; 4 5 7'", "'1 2 3 4 5 7'")).get_driver("unit")
    assert driver.run()
    with pytest.raises(AssertionError, match="value of 'c'"):
        neml2.load_string(text.replace("'1 2 3; 4 5 7'", "'1 2 3 4 5 8'")).get_driver("unit").run()


def test_input_errors() -> None:
    with pytest.raises(InputError, match="no value given for model input"):
        ModelUnitTest(model=Cube(), input_Scalar_names=[], input_Scalar_values=[])
    with pytest.raises(InputError, match="no second-order chain rule"):
        ModelUnitTest(
            model=FirstOrderOnly(),
            input_Scalar_names=["x"],
            input_Scalar_values=["1"],
            check_second_derivatives=True,
        )
    with pytest.raises(InputError, match="batch_shape"):
        _driver(Cube(), batch_shape="(a,)")


def test_report_counts_and_documented_import(tmp_path) -> None:
    from neml2.drivers.ModelUnitTest import ModelUnitTest as Documented

    assert Documented is ModelUnitTest
    path = tmp_path / "unit.i"
    path.write_text(
        """
[Models]
  [m]
    type = ScalarLinearCombination
    from = 'a b'
    to = 'c'
    weights = '2 3'
  []
[]
[Drivers]
  [unit]
    type = ModelUnitTest
    model = 'm'
    batch_shape = '(2,)'
    input_Scalar_names = 'a b'
    input_Scalar_values = '1 2'
    output_Scalar_names = 'c'
    output_Scalar_values = '8.00001'
  []
[]
"""
    )
    # c = 2 a + 3 b = 8; 8.00001 is within the default value_rel_tol = 1e-5
    report = Documented.from_file(path).run()
    assert report.value_checks == 1
    assert report.jvp_checks > 0
    assert report.parameter_derivative_checks == 3  # the two weights and the offset
    text = path.read_text()
    path.write_text(text.replace("'8.00001'", "'8.0001'"))
    with pytest.raises(AssertionError, match=r"model 'm': value of 'c': got 8\.0, expected 8\.0001"):
        Documented.from_file(path, name="unit").run()
    path.write_text(text.replace("'8.00001'", "'8.00001'\n    value_rel_tol = 1e-7"))
    with pytest.raises(AssertionError, match="value of 'c'"):
        Documented.from_file(path).run()
    path.write_text(text.replace("[unit]", "[unit2]\n    type = ModelUnitTest\n    model = 'm'\n  []\n  [unit]"))
    with pytest.raises(InputError, match="expected one ModelUnitTest block in \\[Drivers\\], found unit2, unit"):
        Documented.from_file(path)


def test_cuda_checks_run_the_same_suite_on_another_device() -> None:
    report = _driver(Cube(), check_cuda=True).run()
    assert report.devices == (["cpu", "cuda"] if torch.cuda.is_available() else ["cpu"])  # no CUDA: a no-op
    # the device pass itself, exercised on the CPU where no GPU is present: the same checks again
    driver = _driver(Cube())
    report = driver.run()
    first = report.jvp_checks
    driver._on_device(torch.device("cpu"))
    assert (report.jvp_checks, report.devices) == (2 * first, ["cpu", "cpu"])
    driver = _driver(Cube(), expected="55")
    driver.report = ModelUnitTestReport()
    with pytest.raises(AssertionError, match=r"model 'Cube' on cpu: value of 'y'"):
        driver._on_device(torch.device("cpu"))
