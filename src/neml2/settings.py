"""Process-wide defaults: float64 everywhere unless an input file's [Settings] says otherwise."""

from __future__ import annotations

import torch

default_dtype: torch.dtype = torch.float64


def set_default_dtype(dtype: torch.dtype) -> None:
    global default_dtype
    default_dtype = dtype
