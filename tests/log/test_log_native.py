"""The C++ runtime's verbosity store (neml2::aoti::log) seen from Python: neml2.log's defaults are
mirrored into it, it reads NEML2_LOGS itself with the same rules, its lines have the same format and
come back through neml2.log's sink, and the compiled Newton loop prints the same trace as the eager
one."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import torch

import neml2
from neml2 import log

_aoti = pytest.importorskip("neml2.aoti._aoti", reason="the C++ extension is not built")

AOTI_TESTS = Path(__file__).resolve().parents[1] / "aoti"
NUMBERS = re.compile(r"ITERATION +(\d+), \|R\| = (\S+), \|R0\| = (\S+)")


@pytest.fixture(autouse=True)
def fresh_store(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    saved = dict(log._defaults)
    monkeypatch.delenv("NEML2_LOGS", raising=False)
    log.set_default_level("all", log.DEFAULT_LEVEL)
    log.reload_env()
    yield
    monkeypatch.delenv("NEML2_LOGS", raising=False)
    for c, lv in saved.items():
        log.set_default_level(c, lv)
    log.reload_env()
    log.set_sink(None)


def capture() -> list[tuple[log.Level, str]]:
    lines: list[tuple[log.Level, str]] = []
    log.set_sink(lambda level, line: lines.append((level, line)))
    return lines


def test_defaults_are_mirrored_into_the_cpp_store(monkeypatch: pytest.MonkeyPatch) -> None:
    assert all(_aoti._log_level(c) == int(log.WARNING) for c in log.CHANNELS)
    log.set_default_level("newton", "debug")
    log.set_default_level("linear", 0)
    assert _aoti._log_level("newton") == 3 and _aoti._log_level("linear") == 0 and _aoti._log_level("model") == 1
    log.set_default_level("all", "info")
    assert all(_aoti._log_level(c) == 2 for c in log.CHANNELS)
    monkeypatch.setenv("NEML2_LOGS", "all=silent,substep=debug")  # the C++ side reads the same variable
    log.reload_env()
    assert [_aoti._log_level(c) for c in log.CHANNELS] == [int(log.level(c)) for c in log.CHANNELS]
    assert _aoti._log_level("substep") == 3 and _aoti._log_level("driver") == 0


def test_cpp_reads_the_environment_with_the_same_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    for spec in ("newton=info,substep=debug", "all=warning", "all=info,newton=silent", "newton=silent,all=3",
                 "linear=off,model=warn,tensor=2", ""):  # fmt: skip
        monkeypatch.setenv("NEML2_LOGS", spec)
        log.reload_env()
        assert [_aoti._log_level(c) for c in log.CHANNELS] == [int(log.level(c)) for c in log.CHANNELS], spec


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("newton=loud", "NEML2_LOGS entry 'newton=loud': unknown level 'loud'; valid levels: silent, warning, info"),
        ("newtn=info", "NEML2_LOGS entry 'newtn=info': unknown channel 'newtn'; valid channels: all, newton, linear"),
        ("newton", "NEML2_LOGS entry 'newton': expected channel=level"),
    ],
)
def test_cpp_bad_entry_names_it(monkeypatch: pytest.MonkeyPatch, spec: str, message: str) -> None:
    monkeypatch.setenv("NEML2_LOGS", spec)
    with pytest.raises(neml2.aoti.FatalError) as e:
        _aoti._log_reload_env()
    assert message in str(e.value)


def test_cpp_lines_have_the_python_format_and_reach_the_python_sink() -> None:
    lines = capture()
    _aoti._log_emit("substep", 2, "quiet at the default warning level")
    assert lines == []
    log.set_default_level("all", "debug")
    for channel in log.CHANNELS:
        for level in (log.WARNING, log.INFO, log.DEBUG):
            _aoti._log_emit(channel, int(level), f"{channel} {level.name}")
            assert lines[-1] == (level, log.format_line(channel, level, f"{channel} {level.name}"))
    _aoti._log_emit("model", 3, "two\nlines")
    assert lines[-2:] == [(log.DEBUG, "[neml2:model  ][dbg ] two"), (log.DEBUG, "[neml2:model  ][dbg ] lines")]


def test_cpp_lines_reach_the_terminal_split_by_level() -> None:
    """A fresh process with the default sink: the C++ store's info line on stdout, its warning on stderr."""
    code = (
        "import neml2, neml2.aoti._aoti as m; neml2.log.set_default_level('all', 'debug');"
        "m._log_emit('driver', 2, 'to stdout'); m._log_emit('driver', 1, 'to stderr')"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "[neml2:driver ][info] to stdout\n"
    assert proc.stderr == "[neml2:driver ][warn] to stderr\n"


# ---------------------------------------------------------------- the compiled Newton loop
@pytest.fixture(scope="module")
def j2_predictor(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The compiled J2 model of tests/aoti (same folder and arguments: reused when tests/aoti built it)."""
    sys.path.insert(0, str(AOTI_TESTS))
    try:
        from aoti_cases import CASES
    finally:
        sys.path.remove(str(AOTI_TESTS))
    from neml2.cli.compile import main

    cache = getattr(request.config, "cache", None)
    root = Path(cache.mkdir("neml2-aoti")) if cache is not None else tmp_path_factory.mktemp("aoti")
    path, extra = CASES["j2_predictor"]
    out = root / "j2_predictor"
    assert main([str(path), "--output-dir", str(out), "-q", *extra]) == 0
    return out / "model"


def _inputs(names: list[str], shapes: dict[str, list[int]]) -> dict[str, torch.Tensor]:
    n = 3
    ins = {k: torch.zeros(n, *shapes[k], dtype=torch.float64) for k in names}
    axial = torch.tensor([4e-3, -2e-3, -2e-3, 1e-3, 0, 0], dtype=torch.float64)
    ins["strain"] = axial * torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)[:, None]
    ins["t"], ins["t~1"], ins["t~2"] = (torch.full((n,), v, dtype=torch.float64) for v in (0.1, 0.0, -0.1))
    return ins


def _iterations(lines: list[tuple[log.Level, str]]) -> list[tuple[int, float, float]]:
    return [(int(m[1]), float(m[2]), float(m[3])) for _, t in lines if (m := NUMBERS.search(t))]


def test_compiled_newton_prints_the_eager_trace(j2_predictor: Path) -> None:
    model = _aoti.Model(str(j2_predictor))
    ins = _inputs(model.input_names, model.input_base_shapes)
    lines = capture()
    model.forward(ins)
    assert lines == []  # quiet by default
    log.set_default_level("newton", "debug")
    compiled = model.forward(ins)
    text = [t for _, t in lines]
    assert text[0] == "[neml2:newton ][info] ---- begin newton solve ----"
    assert text[-1] == "[neml2:newton ][info] ---- end newton solve ----"
    assert re.fullmatch(r"\[neml2:newton \]\[info\] converged \(iters=\d+, reason=(rel_tol|abs_tol)\)", text[-2])
    its = _iterations(lines)
    norms = [r for _, r, _ in its]
    assert [i for i, _, _ in its] == list(range(len(its))) and len(its) >= 4
    assert all(b < a for a, b in zip(norms, norms[1:]))
    assert all(r0 == norms[0] for _, _, r0 in its)

    # the eager model of the same file, same inputs: the same iterations and norms
    sys.path.insert(0, str(AOTI_TESTS))
    try:
        from aoti_cases import CASES
    finally:
        sys.path.remove(str(AOTI_TESTS))
    eager: Any = neml2.load_input(CASES["j2_predictor"][0]).get_model("model")
    lines.clear()
    with torch.no_grad():
        out = eager(*[t(ins[n]) for n, t in eager.input_spec.items()])
    assert text[-2] == [t for _, t in lines][-2]
    ref = _iterations(lines)
    assert len(ref) == len(its)
    for (i, r, r0), (j, s, s0) in zip(its, ref):
        assert i == j and r0 == s0
        assert r == pytest.approx(s, rel=2e-2) or max(r, s) < 1e-11
    got = dict(zip(eager.output_spec, out if isinstance(out, tuple) else (out,)))
    torch.testing.assert_close(compiled["stress"], got["stress"].data, rtol=1e-10, atol=1e-12)


def test_compiled_line_search_is_indented(j2_predictor: Path) -> None:
    model = _aoti.Model(str(j2_predictor))
    ins = _inputs(model.input_names, model.input_base_shapes)
    # a demanding sufficient-decrease constant (c = 0.99): the full steps are cut to alpha = 1/2
    model.set_solver_config(1e-10, 1e-8, 50, "BACKTRACKING", 10, 2.0, 0.99)
    lines = capture()
    log.set_default_level("newton", "debug")
    model.forward(ins)
    text = [t for _, t in lines]
    assert text[-1] == "[neml2:newton ][info] ---- end newton solve ----"
    ls = [i for i, t in enumerate(text) if "LS ITERATION" in t]
    assert len(ls) >= 3
    for i in ls:
        assert re.fullmatch(r"\[neml2:newton \]\[dbg \]   LS ITERATION +\d+, min\(alpha\) = \S+, \|R\| = \S+", text[i])
        assert NUMBERS.search(text[i - 1]) or "LS ITERATION" in text[i - 1]  # under its Newton step
    first = text[ls[0]]
    assert "LS ITERATION   1, min(alpha) = 5.00e-01" in first
    # the accepted trial residual is the next iteration's |R|
    assert first.rsplit("= ", 1)[1] == NUMBERS.search(text[ls[0] + 1])[2]  # type: ignore[index]
