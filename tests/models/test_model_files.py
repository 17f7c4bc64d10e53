"""Every ModelUnitTest driver in tests/models/**/*.i passes (values, chain-rule and parameter derivatives)."""

from pathlib import Path

import pytest

import neml2
from neml2.drivers.ModelUnitTest import ModelUnitTest

HERE = Path(__file__).parent
FILES = sorted(HERE.rglob("*.i"))


def _unit_tests(factory: neml2.factory.InputFile) -> list[str]:
    return [
        name
        for name, node in factory.blocks["Drivers"].items()
        if node.find("type") is not None and node.find("type").param_str() == "ModelUnitTest"
    ]


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(HERE)) for p in FILES])
def test_model_file(path: Path) -> None:
    names = _unit_tests(neml2.load_input(path))
    assert names, f"{path.name} has no ModelUnitTest driver"
    for name in names:
        report = ModelUnitTest.from_file(path, name).run()
        assert report.value_checks + report.jvp_checks > 0, f"{path.name}: [Drivers/{name}] checked nothing"
