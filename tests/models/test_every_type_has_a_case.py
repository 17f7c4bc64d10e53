"""Every registered model type has its own unit case: a ``.i`` file under tests/ that uses it (the
runner tests/models/test_model_files.py checks values and derivatives), except the types named here."""

from __future__ import annotations

import re
from pathlib import Path

from neml2._manifest import MANIFEST

TESTS = Path(__file__).resolve().parents[1]

#: type -> where it is tested instead
ELSEWHERE = {
    "AOTIModel": "tests/aoti and tests/cpp: it loads a compiled artifact",
    "SR2DynamicSum": "tests/models/common/test_dynamic_reductions.py: it reduces a batch axis, which the "
    "ModelUnitTest driver's batch-free call lacks",
    "SR2DynamicMean": "tests/models/common/test_dynamic_reductions.py (as SR2DynamicSum)",
}


def test_every_model_type_is_used_by_a_case() -> None:
    used: set[str] = set()
    for path in TESTS.rglob("*.i"):
        used |= set(re.findall(r"type\s*=\s*'?(\w+)", path.read_text()))
    models = {t for t, (section, _) in MANIFEST.items() if section == "Models"}
    assert len(models) > 150
    assert sorted(models - used - set(ELSEWHERE)) == []
    assert set(ELSEWHERE) <= models and not (set(ELSEWHERE) & used), "an exemption that is no longer needed"
