"""benchmarks/run.py runs end to end on small sizes (a smoke run: no timing is asserted)."""

import subprocess
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"


def test_benchmarks_quick_run() -> None:
    proc = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--max-batch", "1000"], capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    out = proc.stdout
    headers = (
        "## a. import time",
        "## f. neml2-compile",
        "## b. LinearIsotropicElasticity forward",
        "## b'. LinearIsotropicElasticity JVP",
        "## c. implicit J2 viscoplastic step",
        "transient of the J2 model",
        "## e. tiny batch N=3",
    )
    for header in headers:
        assert header in out, header
    # every table names its device, dtype and thread count
    assert out.count("dtype=float64 torch_threads=") >= 7
    # the compiled route (C++ runtime via its binding) and the pure C++ host are timed
    assert "compiled us/call" in out and "C++ us/call" in out and "compiled us/pt" in out


def test_crystal_benchmark_quick_run() -> None:
    """benchmarks/crystal.py (the docs' single-crystal model) on N = 3 only: a table with a step count."""
    script = RUN.with_name("crystal.py")
    docs = RUN.parents[2] / "shared/spec/docs/modules/solid_mechanics/crystal_plasticity"
    if not docs.is_dir():
        pytest.skip("the spec's docs folder is not next to the checkout")
    proc = subprocess.run(
        [sys.executable, str(script), "--quick", "--max-batch", "3", "--threads", "1", "--no-compiled"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-4000:]
    rows = [line.split() for line in proc.stdout.splitlines() if line.startswith("3e+00")]
    assert len(rows) == 1 and int(rows[0][4]) >= 1  # Newton iterations of the timed step
