"""benchmarks/run.py runs end to end on small sizes (a smoke run: no timing is asserted)."""

import subprocess
import sys
from pathlib import Path

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
