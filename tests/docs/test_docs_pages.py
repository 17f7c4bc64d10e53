"""The documented package's pages (tutorials, references, module notebooks) run as scripts on ours.

Each page's python blocks are joined in order into one script (``%%writefile NAME`` cells write
their input file at that point; ``!``/``%`` shell and magic lines become ``pass``), run in a temporary
folder that holds the page's sibling files, with matplotlib's Agg backend. Pages that run are checked
against the numbers they print; pages that cannot run yet are strict expected failures naming what
is missing, so the list must shrink as the missing pieces land. The tensor-type pages have their own
test (tests/types/test_docs_tensor_pages.py).
"""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / ".." / "shared" / "spec" / "docs"

#: page -> why it cannot run yet (strict: a page that starts to run must move to the checked ones)
EXPECTED_FAILURES: dict[str, str] = {
    "deployment/python.md": "its snippets use placeholder names (a model block 'my_model' no file defines)",
    "deployment/verbosity.md": "neml2.log (verbosity control) does not exist",
    "modules/kwn/al_cu_ttp.md": "KWN types (SFFKPrecipitationGrowthRate, ...) not implemented (catalog issue)",
    "modules/kwn/precipitation_316h.md": "ArrheniusParameter and the KWN types not implemented (catalog issue)",
    "modules/solid_mechanics/crystal_plasticity/formulations.md": "neml2.pyzag and crystal plasticity missing",
    "modules/solid_mechanics/crystal_plasticity/polefigures.md": "neml2.pyzag / neml2.texture missing",
    "references/py_aoti.md": "reads an artifact compiled in another page (elasticity_aoti.i)",
    "references/py_eager.md": "reads an input.i written by another page",
    "references/py_jit.md": "reads an input.i written by another page; neml2.compile missing",
    "tutorials/extension/model_composition/main.md": "ImplicitUpdate flattens its inputs' batch (5, 1) but not a "
    "leaf's batched parameter (3,) (mu of ProjectileAcceleration)",
    "tutorials/models/compilation_internals/main.md": "torch.export of a model with typed (Scalar) inputs",
    "tutorials/models/compiled_models/main.md": "neml2-compile as the page calls it (aoti/elasticity_aoti.i)",
    "tutorials/models/implicit_model/main.md": "positional input order of a ComposedModel",
    "tutorials/models/model_composition/main.md": "a model with several outputs returns a tuple",
    "tutorials/models/model_parameters_revisited/main.md": "ThermalEigenstrain not implemented (crystal issue)",
    "tutorials/models/transient_driver/main.md": "a pseudo-code cell (for n in range(N)) the page does not run",
    "tutorials/optimization/automatic_differentiation/main.md": "a parameter gradient comes back as None",
    "tutorials/optimization/crystal_plasticity_calibration/main.md": "pyzag and crystal plasticity missing",
    "tutorials/optimization/deterministic/main.md": "pyzag adapter (neml2.pyzag) missing",
    "tutorials/optimization/statistical/main.md": "pyzag / pyro adapter (neml2.pyzag) missing",
}
#: pages that need a GPU to run through
NEEDS_CUDA = {"tutorials/models/evaluation_device/main.md"}
#: first line of a cell -> why the page shows it without running it (a sketch with placeholders)
SKETCHES = {
    "class MySurrogate(Model):": "extension/request_ad: `...` placeholders, names the page never imports",
}


def page_script(text: str) -> str:
    """The page's python blocks as one script.

    As in a notebook, a cell's trailing expression is printed (its repr, unless None or the line
    ends with ``;``), and ``from __future__`` imports (legal at the top of a cell) move to the top.
    Cells listed in ``SKETCHES`` are left out.
    """
    parts = [_DISPLAY]
    future: list[str] = []
    for block in re.findall(r"```python\n(.*?)```", text, re.S):
        if block.startswith("%%writefile"):
            first, _, body = block.partition("\n")
            name = first.split()[1]
            parts.append(
                f"import pathlib as _p\n_p.Path({name!r}).parent.mkdir(parents=True, exist_ok=True)\n"
                f"_p.Path({name!r}).write_text({body!r})\n"
            )
            continue
        if block.split("\n", 1)[0].strip() in SKETCHES:
            continue
        lines = []
        for line in block.splitlines():
            if line.startswith("from __future__ import"):
                future.append(line)
                continue
            if line.lstrip().startswith(("!", "%")):
                line = line[: len(line) - len(line.lstrip())] + "pass"
            lines.append(line)
        parts.append(_echo_last(lines))
    return "\n".join(future + parts)


_DISPLAY = """import matplotlib
matplotlib.use('Agg')


def _display(value):
    if value is not None:
        try:
            print(repr(value))
        except Exception as e:  # a notebook shows the formatter's error and goes on
            print(f"<repr failed: {e!r}>")
"""


def _echo_last(lines: list[str]) -> str:
    """The cell's source with its trailing expression statement wrapped in ``_display``."""
    src = "\n".join(lines) + "\n"
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return src
    last = tree.body[-1] if tree.body else None
    if not isinstance(last, ast.Expr) or last.end_lineno is None:
        return src
    end = lines[last.end_lineno - 1]
    if end[: last.end_col_offset].rstrip().endswith(";") or end[last.end_col_offset :].lstrip().startswith(";"):
        return src
    head = lines[: last.lineno - 1]
    expr = lines[last.lineno - 1 : last.end_lineno]
    expr[-1] = expr[-1][: last.end_col_offset]
    return "\n".join([*head, "_display((", *expr, "))", *lines[last.end_lineno :]]) + "\n"


def pages() -> list[str]:
    if not DOCS.is_dir():
        return []
    out = []
    for md in sorted(DOCS.rglob("*.md")):
        rel = md.relative_to(DOCS).as_posix()
        if rel.startswith("tensor_types/") or "```python" not in md.read_text():
            continue
        out.append(rel)
    return out


def run_page(rel: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    md = DOCS / rel
    for sibling in md.parent.iterdir():
        if sibling.is_file() and sibling.suffix != ".md":
            shutil.copy(sibling, tmp_path)
    (tmp_path / "script.py").write_text(page_script(md.read_text()))
    env = {**os.environ, "MPLBACKEND": "Agg", "OMP_NUM_THREADS": "1"}
    return subprocess.run(
        [sys.executable, "script.py"], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300
    )


def numbers_after(out: str, label: str) -> list[float]:
    """The numbers printed on the line that starts with ``label``."""
    for line in out.splitlines():
        if line.strip().startswith(label):
            return [float(x) for x in re.findall(r"[-+]?\d+\.?\d*(?:[eE][-+]?\d+)?", line[len(label) :])]
    raise AssertionError(f"no line starting with {label!r} in the output:\n{out}")


def check_model_parameters(out: str) -> None:
    # the spec's numbers: d(sum stress)/dE = 0.025, d(sum stress)/dnu = 25000, stress for E = 200e3
    assert numbers_after(out, "dL/dE")[0] == pytest.approx(0.025, rel=1e-12)
    assert numbers_after(out, "dL/dnu")[0] == pytest.approx(25000.0, rel=1e-12)
    stress = numbers_after(out, "E = 200e3 ->")[:3]
    assert stress == pytest.approx([2692.3077, 1153.8462, 1153.8462], abs=1e-4)


def check_parameter_calibration(out: str) -> None:
    E = numbers_after(out, "recovered  E  =")
    nu = numbers_after(out, "recovered  nu =")
    assert E[0] == pytest.approx(E[1], rel=1e-3)  # "within a small fraction of a percent"
    assert nu[0] == pytest.approx(nu[1], rel=1e-3)


def tensor_after(out: str, marker: str) -> list[float]:
    """The numbers of the first printed ``tensor(...)`` at or after the line holding ``marker``."""
    start = out.find(marker)
    assert start >= 0, f"no {marker!r} in the output:\n{out}"
    body = out[out.index("tensor(", start) + len("tensor(") :]
    body = body[: min(i for i in (body.find("dtype"), body.find(")"), len(body)) if i >= 0)]
    return [float(x) for x in re.findall(r"[-+]?\d+\.?\d*(?:[eE][-+]?\d+)?", body)]


_VEC = "<class 'neml2.types.tensors.Vec'>"


def check_extension_arguments(out: str) -> None:
    # the page: input_spec = {"velocity": Vec}; renames show up in the specs; parameter mu, buffer g
    assert f"({{'v': {_VEC}}}, {{'a': {_VEC}}})" in out
    assert f"input_spec : {{'velocity': {_VEC}}}" in out
    assert f"output_spec: {{'acceleration': {_VEC}}}" in out
    assert "parameters : ['mu']" in out and "buffers    : ['g']" in out
    assert tensor_after(out, "Scalar(data=Parameter") == pytest.approx([0.001])


def check_extension_input_files(out: str) -> None:
    assert f"({{'v': {_VEC}}}, {{'a': {_VEC}}})" in out
    assert tensor_after(out, "Scalar(data=Parameter") == pytest.approx([0.05])  # dynamic_viscosity = 0.05


def check_extension_forward(out: str) -> None:
    # the page: a = g - mu v = (0, -9.81, 0) - 0.001 (10, 2, 0) = (-0.01, -9.812, 0); da/dv = -0.001 I
    # (printed to 4 decimals; tests/models/test_extension_api.py checks them in float64)
    assert tensor_after(out, "Vec(data=") == pytest.approx([-0.01, -9.812, 0.0], abs=5e-5)
    jac = tensor_after(out, "tensor([[")
    assert jac == pytest.approx([-0.001, 0, 0, 0, -0.001, 0, 0, 0, -0.001], abs=5e-5)
    checks = numbers_after(out, "value checks:")
    assert checks[0] > 0 and checks[1] > 0, "both ModelUnitTest counters positive"


CHECKS = {
    "tutorials/extension/argument_declaration/main.md": check_extension_arguments,
    "tutorials/extension/connection_to_input_files/main.md": check_extension_input_files,
    "tutorials/extension/request_ad/main.md": check_extension_forward,
    "tutorials/extension/the_forward_operator/main.md": check_extension_forward,
    "tutorials/models/model_parameters/main.md": check_model_parameters,
    "tutorials/optimization/parameter_calibration/main.md": check_parameter_calibration,
}


def test_every_page_is_classified() -> None:
    if not DOCS.is_dir():
        pytest.skip(f"spec docs not found at {DOCS}")
    listed = set(EXPECTED_FAILURES) | NEEDS_CUDA
    assert listed <= set(pages()), f"listed pages that do not exist: {sorted(listed - set(pages()))}"


@pytest.mark.parametrize("rel", pages())
def test_page_runs(rel: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    if rel in EXPECTED_FAILURES:
        request.applymarker(pytest.mark.xfail(reason=EXPECTED_FAILURES[rel], strict=True))
    if rel in NEEDS_CUDA:
        import torch

        if not torch.cuda.is_available():
            pytest.skip("the page moves its model to a CUDA device; no GPU here")
    proc = run_page(rel, tmp_path)
    assert proc.returncode == 0, f"{rel} failed:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    if rel in CHECKS:
        CHECKS[rel](proc.stdout)
