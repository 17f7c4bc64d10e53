"""The Python example of README.md runs and prints what its comments say."""

import re
from pathlib import Path

import torch

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_example(capsys):
    code = re.search(r"^```python\n(.*?)^```$", README.read_text(), re.S | re.M).group(1)
    ns: dict = {}
    exec(compile(code, str(README), "exec"), ns)
    torch.testing.assert_close(
        ns["stress"].data.detach(),
        torch.tensor([2692.3076923, 1153.8461538, 1153.8461538, 0, 0, 0], dtype=torch.float64),
    )
    C = ns["v_out"]["stress"]["strain"].data.detach()
    torch.testing.assert_close(C[0, :3], torch.tensor([269230.76923, 115384.61538, 115384.61538], dtype=torch.float64))
    torch.testing.assert_close(C[3, 3], torch.tensor(200e3 / 1.3, dtype=torch.float64))  # 2 mu, Mandel
    torch.testing.assert_close(ns["model"].E.data.grad, torch.tensor(0.025, dtype=torch.float64))
