"""neml2.log: NEML2_LOGS parsing, application defaults vs the environment, the line format, sinks,
and the traces of the Newton and Krylov solvers and the drivers."""

from __future__ import annotations

import io
import math
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import torch

import neml2
from neml2 import log
from neml2.solvers.bicgstab import BiCGStab
from neml2.solvers.gmres import GMRES
from neml2.solvers.newton import Newton
from neml2.solvers.newton_with_line_search import NewtonWithLineSearch
from neml2.solvers.nonlinear_system import BlockStructure

J2 = Path(__file__).resolve().parents[1] / "regression" / "j2_viscoplasticity.i"
ITERATION = re.compile(r"^\[neml2:newton \]\[dbg \] ITERATION +(\d+), \|R\| = (\S+), \|R0\| = (\S+)$")


@pytest.fixture(autouse=True)
def fresh_store(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every test starts from the defaults with no NEML2_LOGS, and leaves the store as it found it."""
    saved = dict(log._defaults)
    monkeypatch.delenv("NEML2_LOGS", raising=False)
    for c in log.CHANNELS:
        log._defaults[c] = log.DEFAULT_LEVEL
    log.reload_env()
    yield
    monkeypatch.delenv("NEML2_LOGS", raising=False)
    log._defaults.update(saved)
    log.reload_env()
    log.set_sink(None)


def capture() -> list[tuple[log.Level, str]]:
    lines: list[tuple[log.Level, str]] = []
    log.set_sink(lambda level, line: lines.append((level, line)))
    return lines


# ---------------------------------------------------------------- parsing
def test_parse_channels_baseline_and_overrides() -> None:
    assert log.parse("newton=info,substep=debug") == {"newton": log.INFO, "substep": log.DEBUG}
    assert log.parse("all=warning") == dict.fromkeys(log.CHANNELS, log.WARNING)
    # the explicit entry wins over 'all', whatever their order
    for spec in ("all=info,newton=silent", "newton=silent,all=info"):
        got = log.parse(spec)
        assert got["newton"] == log.SILENT
        others = {c: v for c, v in got.items() if c != "newton"}
        assert others == dict.fromkeys(set(log.CHANNELS) - {"newton"}, log.INFO)
    assert log.parse("") == {}
    assert log.parse(" Newton = DEBUG , ") == {"newton": log.DEBUG}


@pytest.mark.parametrize(
    ("text", "level"),
    [("0", log.SILENT), ("off", log.SILENT), ("silent", log.SILENT), ("1", log.WARNING), ("warn", log.WARNING),
     ("warning", log.WARNING), ("2", log.INFO), ("info", log.INFO), ("3", log.DEBUG), ("debug", log.DEBUG)],
)  # fmt: skip
def test_level_names_integers_and_aliases(text: str, level: log.Level) -> None:
    assert log.parse(f"linear={text}") == {"linear": level}
    assert log.parse_level(text) is level
    assert log.parse_level(int(level)) is level


def test_levels_are_ordered() -> None:
    assert log.SILENT < log.WARNING < log.INFO < log.DEBUG


@pytest.mark.parametrize(
    ("spec", "names"),
    [
        ("newton=loud", ["'newton=loud'", "unknown level 'loud'", "silent, warning, info, debug"]),
        ("newtn=info", ["'newtn=info'", "unknown channel 'newtn'", "newton, linear, substep, model, tensor, driver"]),
        ("newton", ["'newton'", "expected channel=level"]),
        ("all=7", ["'all=7'", "unknown level '7'"]),
    ],
)
def test_bad_entry_names_the_entry_and_the_choices(spec: str, names: list[str]) -> None:
    with pytest.raises(log.LogConfigError) as e:
        log.parse(spec)
    for name in names:
        assert name in str(e.value)
    assert isinstance(e.value, neml2.NEML2Error)


def test_bad_environment_fails_at_import() -> None:
    env = {**os.environ, "NEML2_LOGS": "newton=info,driver=chatty"}
    proc = subprocess.run([sys.executable, "-c", "import neml2"], env=env, capture_output=True, text=True)
    assert proc.returncode != 0
    assert "NEML2_LOGS entry 'driver=chatty': unknown level 'chatty'" in proc.stderr


# ---------------------------------------------------------------- the store
def test_default_is_warning_everywhere() -> None:
    assert all(log.level(c) == log.WARNING for c in log.CHANNELS)
    lines = capture()
    log.warning("model", "an advisory")
    log.info("model", "a summary")
    log.debug("model", "detail")
    assert lines == [(log.WARNING, "[neml2:model  ][warn] an advisory")]


def test_application_default_and_environment_override(monkeypatch: pytest.MonkeyPatch) -> None:
    log.set_default_level("newton", "info")
    assert log.level("newton") == log.INFO and log.level("linear") == log.WARNING
    log.set_default_level("all", "silent")
    assert all(log.level(c) == log.SILENT for c in log.CHANNELS)
    monkeypatch.setenv("NEML2_LOGS", "all=info,newton=debug")
    log.reload_env()
    assert log.level("newton") == log.DEBUG and log.level("driver") == log.INFO
    log.set_default_level("newton", "silent")  # the environment keeps the final say
    assert log.level("newton") == log.DEBUG
    monkeypatch.setenv("NEML2_LOGS", "linear=debug")
    log.reload_env()
    assert log.level("newton") == log.SILENT and log.level("linear") == log.DEBUG
    with pytest.raises(log.LogConfigError, match="unknown channel 'newtn'"):
        log.set_default_level("newtn", "info")
    with pytest.raises(log.LogConfigError, match="out of range"):
        log.set_default_level("newton", 4)


def test_line_format_pads_channel_and_level() -> None:
    assert log.format_line("newton", log.INFO, "x") == "[neml2:newton ][info] x"
    assert log.format_line("newton", log.DEBUG, "x") == "[neml2:newton ][dbg ] x"
    assert log.format_line("substep", log.WARNING, "x") == "[neml2:substep][warn] x"
    assert log.format_line("model", log.DEBUG, "x") == "[neml2:model  ][dbg ] x"
    for c in log.CHANNELS:  # the message column starts at the same place on every line
        assert log.format_line(c, log.INFO, "m").index("m", 14) == 22


def test_message_is_formatted_only_when_shown() -> None:
    class Loud:
        def __str__(self) -> str:
            raise AssertionError("formatted although the channel is quiet")

    lines = capture()
    log.debug("newton", "%s", Loud())  # quiet: never formatted
    log.set_default_level("newton", "debug")
    log.debug("newton", "two\nlines %d", 3)
    assert lines == [(log.DEBUG, "[neml2:newton ][dbg ] two"), (log.DEBUG, "[neml2:newton ][dbg ] lines 3")]


# ---------------------------------------------------------------- sinks
def test_default_sink_splits_info_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    log.set_default_level("all", "debug")
    log.info("driver", "to stdout")
    log.warning("driver", "to stderr")
    log.debug("driver", "also stderr")
    out, err = capsys.readouterr()
    assert out == "[neml2:driver ][info] to stdout\n"
    assert err == "[neml2:driver ][warn] to stderr\n[neml2:driver ][dbg ] also stderr\n"


def test_set_stream_and_set_streams() -> None:
    log.set_default_level("all", "debug")
    one = io.StringIO()
    log.set_stream(one)
    log.info("tensor", "a")
    log.debug("tensor", "b")
    assert one.getvalue() == "[neml2:tensor ][info] a\n[neml2:tensor ][dbg ] b\n"
    info, other = io.StringIO(), io.StringIO()
    log.set_streams(info, other)
    log.info("tensor", "a")
    log.warning("tensor", "w")
    assert info.getvalue() == "[neml2:tensor ][info] a\n" and other.getvalue() == "[neml2:tensor ][warn] w\n"


# ---------------------------------------------------------------- Newton
def _cube_root_system() -> tuple[object, torch.Tensor]:
    a = torch.tensor([[2.0], [8.0], [27.0]], dtype=torch.float64)

    def fn(x: torch.Tensor, idx: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return x**3 - a[idx], (3 * x**2)[..., None]

    return fn, a ** (1 / 3) + 0.3  # close enough for a monotone decrease


def test_newton_debug_prints_decreasing_residuals() -> None:
    fn, x0 = _cube_root_system()
    lines = capture()
    log.set_default_level("newton", "debug")
    x, its = Newton(abs_tol=1e-12, rel_tol=0.0).solve(fn, x0)
    text = [line for _, line in lines]
    assert text[0] == "[neml2:newton ][info] ---- begin newton solve ----"
    assert text[-1] == "[neml2:newton ][info] ---- end newton solve ----"
    assert text[-2] == f"[neml2:newton ][info] converged (iters={its}, reason=abs_tol)"
    rows = [ITERATION.match(t) for t in text[1:-2]]
    assert all(rows) and [int(m[1]) for m in rows] == list(range(its + 1))  # type: ignore[index]
    norms = [float(m[2]) for m in rows]  # type: ignore[index]
    r0 = float((x0**3 - torch.tensor([[2.0], [8.0], [27.0]], dtype=torch.float64)).abs().max())
    assert norms[0] == pytest.approx(r0, rel=5e-3) and all(float(m[3]) == norms[0] for m in rows)  # type: ignore[index]
    assert all(b < a for a, b in zip(norms, norms[1:])) and norms[-1] <= 1e-12
    # quadratic convergence: each residual roughly the square of the previous one (scaled)
    assert norms[-1] < norms[-2] ** 1.5
    assert [lv for lv, _ in lines] == [log.INFO] + [log.DEBUG] * (its + 1) + [log.INFO] * 2


def test_newton_info_prints_only_the_summary_and_rel_tol_reason() -> None:
    fn, x0 = _cube_root_system()
    lines = capture()
    log.set_default_level("newton", "info")
    _, its = Newton(abs_tol=0.0, rel_tol=1e-6).solve(fn, x0)
    assert [line for _, line in lines] == [
        "[neml2:newton ][info] ---- begin newton solve ----",
        f"[neml2:newton ][info] converged (iters={its}, reason=rel_tol)",
        "[neml2:newton ][info] ---- end newton solve ----",
    ]


def test_newton_failure_closes_the_solve() -> None:
    fn, x0 = _cube_root_system()
    lines = capture()
    log.set_default_level("newton", "info")
    with pytest.raises(neml2.ConvergenceError):
        Newton(abs_tol=0.0, rel_tol=0.0, max_its=2).solve(fn, x0)
    assert [line for _, line in lines][-2:] == [
        "[neml2:newton ][info] not converged (iters=2, reason=max iterations)",
        "[neml2:newton ][info] ---- end newton solve ----",
    ]


def test_line_search_iterations_are_indented_under_their_step() -> None:
    def fn(x: torch.Tensor, idx: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        return torch.atan(x), (1 / (1 + x**2))[..., None]  # full Newton steps from 3 diverge

    lines = capture()
    log.set_default_level("newton", "debug")
    x, _ = NewtonWithLineSearch().solve(fn, torch.full((2, 1), 3.0, dtype=torch.float64))
    assert float(x.abs().max()) < 1e-8
    text = [line for _, line in lines]
    ls = [t for t in text if "LS ITERATION" in t]
    # x = 3: the full step goes to 3 - 10 atan(3); cut twice (alpha 1/2, 1/4) before |r| decreases enough
    half = abs(math.atan(3 - 0.5 * 10 * math.atan(3)))  # r at x + dx / 2, dx = -(1 + 3^2) atan(3)
    assert ls[0] == f"[neml2:newton ][dbg ]   LS ITERATION   1, min(alpha) = 5.00e-01, |R| = {half:.2e}"
    assert ls[1].startswith("[neml2:newton ][dbg ]   LS ITERATION   2, min(alpha) = 2.50e-01")
    assert text.index(ls[0]) > text.index(next(t for t in text if "ITERATION   0," in t))


def test_nothing_is_printed_by_default(capfd: pytest.CaptureFixture[str]) -> None:
    fn, x0 = _cube_root_system()
    Newton().solve(fn, x0)
    _run_j2_point()
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def _run_j2_point() -> None:
    from neml2.types import SR2, Scalar

    model = neml2.load_model(J2, "model")
    ins = {
        "strain": SR2(torch.tensor([0.004, -0.002, -0.002, 0.001, 0.0, 0.0], dtype=torch.float64)),
        "t": Scalar(torch.tensor(0.1, dtype=torch.float64)),
        "t~1": Scalar(torch.tensor(0.0, dtype=torch.float64)),
        "plastic_strain~1": SR2(torch.zeros(6, dtype=torch.float64)),
        "equivalent_plastic_strain~1": Scalar(torch.tensor(0.0, dtype=torch.float64)),
    }
    with torch.no_grad():
        model.call_by_name(ins)


def test_implicit_update_trace_through_the_environment() -> None:
    """NEML2_LOGS alone turns the trace on in a fresh process: an ImplicitUpdate's Newton iterations."""
    env = {**os.environ, "NEML2_LOGS": "all=silent,newton=debug"}
    code = f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import test_log; test_log._run_j2_point()"
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "[neml2:newton ][info] ---- begin newton solve ----"
    rows = [m for m in map(ITERATION.match, proc.stderr.splitlines()) if m]
    norms = [float(m[2]) for m in rows]
    assert len(norms) >= 3 and all(b < a for a, b in zip(norms, norms[1:]))
    assert norms[-1] <= max(1e-10, 1e-8 * norms[0])  # Newton's default abs_tol / rel_tol


# ---------------------------------------------------------------- Krylov
@pytest.mark.parametrize("solver", [GMRES, BiCGStab])
def test_krylov_solvers_log_on_the_linear_channel(solver: type) -> None:
    g = torch.Generator().manual_seed(0)
    J = 3 * torch.eye(4, dtype=torch.float64) + torch.randn(5, 4, 4, generator=g, dtype=torch.float64) / 2
    b = torch.randn(5, 4, generator=g, dtype=torch.float64)
    s = solver(rel_tol=1e-12)
    s.reset(BlockStructure.from_sizes([4]))
    lines = capture()
    s.solve(J, b)
    assert lines == []  # warning by default: quiet
    log.set_default_level("linear", "debug")
    s.solve(J, b)
    its = s.last_iterations
    assert lines[-1] == (
        log.INFO,
        f"[neml2:linear ][info]   {solver.__name__} converged: 5 system(s), iterations max {int(its.max())}, "
        f"mean {float(its.double().mean()):.1f}",
    )
    first = lines[0][1]
    assert first.startswith("[neml2:linear ][dbg ]     ITERATION   0, |r|") and first.endswith("(5 active)")
    # the first residual is |b| (x = 0)
    assert float(re.search(r"= (\S+) \(", first)[1]) == pytest.approx(float(b.norm(dim=-1).max()), rel=5e-3)  # type: ignore[index]


# ---------------------------------------------------------------- drivers
ELASTIC_DRIVER = """
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, 5, dtype=torch.float64).unsqueeze(-1).expand(5, 2))'
  []
  [strains]
    type = Python
    expr = 'SR2(torch.linspace(0, 0.01, 5, dtype=torch.float64)[:, None, None].expand(5, 2, 6))'
  []
[]
[Drivers]
  [driver]
    type = TransientDriver
    model = 'elasticity'
    prescribed_time = 'times'
    prescribed_SR2_names = 'strain'
    prescribed_SR2_values = 'strains'
  []
[]
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '200e3 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
"""


def test_driver_notices() -> None:
    lines = capture()
    driver = neml2.load_string(ELASTIC_DRIVER).get_driver("driver")
    driver.run()
    assert lines == []
    log.set_default_level("driver", "debug")
    driver.run()
    assert [line for _, line in lines] == [
        "[neml2:driver ][info] TransientDriver 'driver': 4 steps, batch (2,)",
        *(f"[neml2:driver ][dbg ] step {i}/4, t = {i / 4:g}" for i in range(1, 5)),
        "[neml2:driver ][info] TransientDriver 'driver': done",
    ]
