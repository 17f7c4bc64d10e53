"""``neml2.compile``: accelerate a model in the running process with ``torch.compile`` (py-jit).

No artifact is written: the compiled graph lives in the process and recompiles once per distinct
input shape (``dynamic=False``).  Only the model's ``forward`` is compiled; the chain rule (``v=``)
and autograd run through it as before, so derivatives are unchanged.  For a shippable compiled
model use ``neml2-compile`` (the AOTInductor route).
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

__all__ = ["compile"]


def _models(target: Any) -> list[nn.Module]:
    """The models to compile: the model itself, a nonlinear system's residual model, or the
    system of a wrapper exposing ``.sys``."""
    from neml2.solvers.nonlinear_system import NonlinearSystem

    if isinstance(target, NonlinearSystem):
        return [target.model]
    sys = getattr(target, "sys", None)
    if sys is not None and isinstance(sys, NonlinearSystem):
        return [sys.model]
    if isinstance(target, nn.Module) and hasattr(target, "input_spec"):
        return [target]
    raise TypeError(
        f"neml2.compile takes a model, a NonlinearSystem or a wrapper exposing .sys, got {type(target).__name__}"
    )


def compile(target: Any, *, fullgraph: bool = False, mode: str | None = None, **compile_kwargs: Any) -> Any:  # noqa: A001
    """Compile ``target`` in place with ``torch.compile(dynamic=False)`` and return it.

    ``target`` is a model (its ``forward`` is compiled), a ``NonlinearSystem`` (its residual model),
    a ``neml2.pyzag.NEML2PyzagModel`` (its evaluations without autograd) or a wrapper with a
    ``.sys`` system.  ``mode`` and the other keywords go to ``torch.compile``;
    compiling twice is a no-op.  Without ``mode`` the inductor option ``cpp_cache_precompile_headers``
    is off (torch reuses a header precompiled by an earlier AOTInductor compile in the process, which
    lacks the vector ISA these kernels use); with ``mode`` torch takes no options, so compile before
    any ``neml2-compile`` export in the same process."""
    if "dynamic" in compile_kwargs:
        raise TypeError("neml2.compile always compiles with dynamic=False; do not pass 'dynamic'")
    from neml2.types._pytree import register_all

    register_all()  # typed tensors defined since import (user types) as graph inputs
    if mode is None:
        # no precompiled C++ header: one built by an AOTInductor compile in this process (portable,
        # no vector ISA) would be reused for kernels that need one
        compile_kwargs["options"] = {"cpp_cache_precompile_headers": False, **compile_kwargs.get("options", {})}
    hook = getattr(target, "_jit_compile", None)
    if hook is not None:  # a wrapper that knows which of its evaluations to compile (neml2.pyzag)
        hook(**({"mode": mode} if mode is not None else {}), fullgraph=fullgraph, **compile_kwargs)
        return target
    for model in _models(target):
        if getattr(model, "_neml2_compiled", False):
            continue
        eager = type(model).forward.__get__(model)
        model.forward = torch.compile(eager, dynamic=False, fullgraph=fullgraph, mode=mode, **compile_kwargs)
        model._neml2_compiled = True
    return target
