"""Moving what an input file built (models, typed tensors, drivers, solvers) to a device / dtype."""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from neml2.types import TensorWrapper

_MODULE_KEYS = set(vars(nn.Module()))


def cast(obj: Any, device: torch.device | None, dtype: torch.dtype | None, seen: set[int] | None = None) -> Any:
    """Move the floating tensors an object holds (models, typed tensors, dicts, nested objects) in place
    where possible; returns the (possibly new) object. Tensors written in [Tensors] with an explicit
    ``dtype=`` follow ``--dtype`` this way too."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return obj
    seen.add(id(obj))
    if isinstance(obj, nn.Module):
        obj.to(device=device) if dtype is None else obj.to(device=device, dtype=dtype)
        for m in obj.modules():
            for key, value in list(vars(m).items()):
                if key in _MODULE_KEYS:
                    continue
                if isinstance(value, (TensorWrapper, torch.Tensor, dict, list)) or hasattr(value, "options"):
                    new = cast(value, device, dtype, seen)
                    if new is not value:
                        m.__dict__[key] = new
        return obj
    if isinstance(obj, TensorWrapper):
        return obj._new(_cast_tensor(obj.data, device, dtype))
    if isinstance(obj, torch.Tensor):
        return _cast_tensor(obj, device, dtype)
    if isinstance(obj, dict):
        for key, value in obj.items():
            obj[key] = cast(value, device, dtype, seen)
        return obj
    if isinstance(obj, list):
        obj[:] = [cast(v, device, dtype, seen) for v in obj]
        return obj
    if hasattr(obj, "options") and hasattr(obj, "__dict__"):  # drivers, solvers, systems
        for key, value in list(vars(obj).items()):
            if key == "factory":
                continue
            new = cast(value, device, dtype, seen)
            if new is not value:
                setattr(obj, key, new)
    return obj


def _cast_tensor(t: torch.Tensor, device: torch.device | None, dtype: torch.dtype | None) -> torch.Tensor:
    if dtype is not None and t.is_floating_point():
        t = t.to(dtype=dtype)
    if device is not None:
        t = t.to(device=device)
    return t
