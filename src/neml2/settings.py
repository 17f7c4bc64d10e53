"""Process-wide defaults (float64 unless an input file's [Settings] says otherwise) and the
``[Settings]`` batch declarations an input file makes."""

from __future__ import annotations

import re
from dataclasses import dataclass

import torch

default_dtype: torch.dtype = torch.float64


def set_default_dtype(dtype: torch.dtype) -> None:
    global default_dtype
    default_dtype = dtype


DTYPES = {"float64": torch.float64, "double": torch.float64, "float32": torch.float32, "float": torch.float32}


def parse_dtype(dtype: str | torch.dtype) -> torch.dtype:
    """``"float64"`` / ``"float32"`` (or a floating torch.dtype) as a torch.dtype."""
    if isinstance(dtype, torch.dtype):
        if not dtype.is_floating_point:
            raise ValueError(f"invalid dtype {dtype}; valid choices: float64, float32")
        return dtype
    key = str(dtype).removeprefix("torch.")
    if key not in DTYPES:
        raise ValueError(f"invalid dtype {dtype!r}; valid choices: float64, float32")
    return DTYPES[key]


@dataclass(frozen=True)
class BatchSpec:
    """One ``example_batch_shape`` entry ``'(dyn; sub)'``: the dynamic batch (a nominal size for
    tracing) and the sub-batch shape, or ``sub=None`` when the spec writes no ``;`` (it then says
    nothing about sub-batch axes)."""

    dynamic: tuple[int, ...]
    sub: tuple[int, ...] | None = None


_SPEC = re.compile(r"^\(?(?P<dyn>[^;()]*)(?:;(?P<sub>[^;()]*))?\)?$")


def _dims(text: str) -> tuple[int, ...]:
    parts = [p.strip() for p in text.split(",")]
    if parts and not parts[-1]:
        parts = parts[:-1]  # '(1000,)'
    dims = tuple(int(p) for p in parts if p or len(parts) > 1)
    if any(d < 0 for d in dims):
        raise ValueError("negative size")
    return dims


def parse_batch_spec(text: str) -> BatchSpec:
    """Parse ``'(5)'``, ``'(5,3)'``, ``'(1000,)'``, ``'(2; 12)'`` or ``'(2; )'``."""
    m = _SPEC.match(text.strip())
    if m is None or text.strip().count("(") != text.strip().count(")"):
        raise ValueError(f"invalid batch shape {text!r}; expected e.g. '(5)', '(5,3)' or '(2; 12)'")
    try:
        dyn = _dims(m["dyn"])
        sub = None if m["sub"] is None else _dims(m["sub"])
    except ValueError:
        raise ValueError(f"invalid batch shape {text!r}; expected e.g. '(5)', '(5,3)' or '(2; 12)'") from None
    return BatchSpec(dyn, sub)
