"""neml2::aoti::log from a C++ host: tests/log/cpp is configured with find_package(neml2) against
the installed package, built (incrementally, under the pytest cache when there is one) and run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent / "cpp"
_aoti = pytest.importorskip("neml2.aoti._aoti", reason="the C++ extension is not built")


@pytest.fixture(scope="module")
def test_log_exe(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("cmake") is None:
        pytest.skip("cmake not found")
    cache = getattr(request.config, "cache", None)
    build = Path(cache.mkdir("neml2-log-cpp-build")) if cache is not None else tmp_path_factory.mktemp("log-cpp")
    prefix = Path(_aoti.__file__).resolve().parents[1]
    gen = ["-G", "Ninja"] if shutil.which("ninja") else []
    cfg = ["cmake", "-S", str(HERE), "-B", str(build), *gen, f"-DCMAKE_PREFIX_PATH={prefix}",
           f"-DPython3_EXECUTABLE={sys.executable}", "-DCMAKE_BUILD_TYPE=Release"]  # fmt: skip
    for cmd in (cfg, ["cmake", "--build", str(build), "-j", "2"]):
        r = subprocess.run(cmd, capture_output=True, text=True)
        assert r.returncode == 0, f"{' '.join(cmd)} failed:\n{r.stdout[-4000:]}\n{r.stderr[-4000:]}"
    return build / "test_log"


def test_cpp_log(test_log_exe: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEML2_LOGS", raising=False)
    r = subprocess.run([str(test_log_exe)], capture_output=True, text=True, timeout=60)
    lines = r.stdout.splitlines()
    assert r.returncode == 0 and lines[-1] == "0 failed", r.stdout + r.stderr
    assert sum(line.startswith("PASS ") for line in lines) == 9
    assert lines[-2] == "[neml2:tensor ][info] default sink: info"
    assert r.stderr.splitlines() == [
        "[neml2:tensor ][warn] default sink: warning",
        "[neml2:tensor ][dbg ] default sink: debug",
    ]
