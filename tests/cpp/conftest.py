"""The compiled-artifact fixtures of tests/aoti (``compiled``, ``aoti_root``), shared here so
both suites use one set of artifacts per session."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

AOTI_TESTS = Path(__file__).resolve().parents[1] / "aoti"
sys.path.insert(0, str(AOTI_TESTS))

_spec = importlib.util.spec_from_file_location("aoti_conftest", AOTI_TESTS / "conftest.py")
_aoti = importlib.util.module_from_spec(_spec)
sys.modules["aoti_conftest"] = _aoti
_spec.loader.exec_module(_aoti)

aoti_root = _aoti.aoti_root
compiled = _aoti.compiled
