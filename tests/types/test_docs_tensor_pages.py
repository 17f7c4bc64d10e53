"""The docs' tensor-type pages run with this package and print what their code means.

Each page of ``docs/tensor_types`` (read in place from the spec folder) is run as one script: its
python cells in order, ``%%writefile NAME`` cells writing NAME, ``!``/``%`` lines skipped.  The
pages are rendered without ``Output:`` blocks, so the expected lines below follow from the code and
prose of each page (shapes, dtypes, values); any ``Output:`` block a page does carry is checked too.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

SPEC = Path(__file__).resolve().parents[2] / ".." / "shared" / "spec"
PAGES = SPEC / "docs" / "tensor_types"

pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason=f"spec folder {PAGES} not found")

CELL = re.compile(r"```python\n(.*?)```(?:\s*\nOutput:\n```text\n(.*?)```)?", re.S)

EXPECTED: dict[str, list[str]] = {
    "index": [],
    "primitive_types": [
        "Scalar       BASE_SHAPE = ()",
        "MRP          BASE_SHAPE = (3,)",
        "Quaternion   BASE_SHAPE = (4,)",
        "R2           BASE_SHAPE = (3, 3)",
        "SSR4         BASE_SHAPE = (6, 6)",
        "SR2.fill(6 comps)  -> (6,)",
        "SR2.identity()     -> tensor([1., 1., 1., 0., 0., 0.], dtype=torch.float64)",
        "Scalar(200e3).dtype  -> torch.float64",
        "Vec.zeros(5).dtype   -> torch.float64",
        "Vec.zeros(4)            -> (4, 3)",
        "SR2.full(2, 3, fill=0.1)-> (2, 3, 6)",
        "SSR4.identity_sym()    -> (6, 6)",
        "Scalar([1, 2, 3]) -> tensor([1., 2., 3.], dtype=torch.float64)",
        "Scalar.arange(0, 1, 0.25) -> tensor([0.0000, 0.2500, 0.5000, 0.7500], dtype=torch.float64)",
        "from_value inherits dtype -> torch.float64",
    ],
    "regions": [
        "data.shape           (50, 200, 6)",
        "dynamic_batch_shape  (50, 200)",
        "base_shape           (6,)",
        "batch_shape          (4, 20)",
        "dynamic_batch_shape  (4,)",
        "sub_batch_shape      (20,)",
        "sub_batch_ndim       1",
        "k_ndim of a hand-built wrapper: 0",
        "data.shape  (8, 6, 6)",
        "batch_ndim  1  base_ndim  2",
    ],
    "batching": [
        "single -> (6,)",
        "batch  -> (10000, 6)",
        "grid   -> (50, 200, 6)",
        "Scalar(5) * SR2(base) -> (5, 6)",
        "SR2(5) + SR2(base)    -> (5, 6)",
        "sub_batch_shape -> (20,)",
        "sub_batch_ndim  -> 1",
    ],
    "region_views": [
        "dynamic_batch.expand(20) -> (20, 6)",
        "base.transpose(-2, -1)   -> (3, 3)",
        "expand_at(3) -> (5, 3)",
        "diagonalize  -> (5, 5)",
        "flatten ndim -> 1",
        "ramp sub_batch_shape -> (20,)",
        "sum over sub_batch    -> () sub_ndim 0",
        "mean over sub_batch   -> ()",
        "diff along sub_batch  -> (19,)",
        "stack on dynamic_batch -> (2, 3)",
        "cat on dynamic_batch   -> (5, 3)",
        "endpoints as .dynamic_batch -> new dynamic axis  (5,)",
        "endpoints as .sub_batch     -> new sub-batch axis (5,)",
    ],
    "indexing": [
        "V.sub_batch[0]   -> () sub_ndim 0",
        "V.sub_batch[1:]  -> (4,)",
        "V.sub_batch[None]-> (1, 5) sub_ndim 2",
        "dynamic_batch[1:] -> (3, 3)",
        "dynamic_batch[0]  -> (3,)",
        "batch[::2]        -> (2, 3)",
        "sub_batch[..., 0] -> (3,) sub_ndim 1",
        "sub_batch[None]   -> (1, 3, 4) sub_ndim 3",
        "vec_component(v, 0) -> Scalar tensor(6., dtype=torch.float64)",
        "base[..., -1] -> (2, 3)",
        "base[1:3, :]  -> (2, 2, 4)",
    ],
}


def _script(text: str) -> tuple[str, list[str]]:
    """The page's python cells as one script, and the lines of its Output blocks."""
    parts, shown = [], []
    for code, output in CELL.findall(text):
        if code.startswith("%%writefile"):
            first, _, body = code.partition("\n")
            parts.append(f"open({first.split()[1]!r}, 'w').write({body!r})\n")
        else:
            lines = [
                (line[: len(line) - len(line.lstrip())] + "pass") if line.lstrip().startswith(("!", "%")) else line
                for line in code.splitlines()
            ]
            parts.append("\n".join(lines) + "\n")
        shown += [line.rstrip() for line in output.splitlines() if line.strip()]
    return "\n".join(parts), shown


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_tensor_page_runs_and_prints(page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script, shown = _script((PAGES / f"{page}.md").read_text())
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(script, f"{page}.md", "exec"), {"__name__": "__docs__"})
    printed = [line.rstrip() for line in out.getvalue().splitlines()]
    for line in EXPECTED[page] + shown:
        assert line in printed, f"{page}: expected line {line!r} not printed; got:\n" + "\n".join(printed)


def test_batch_unsqueeze_error_names_the_views(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    script, _ = _script((PAGES / "region_views.md").read_text())
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(script, "region_views.md", "exec"), {"__name__": "__docs__"})
    err = next(line for line in out.getvalue().splitlines() if "batch.unsqueeze" in line)
    assert "t.dynamic_batch" in err and "t.sub_batch" in err
