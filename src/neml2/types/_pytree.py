"""Typed tensors as pytree nodes, so ``torch.export`` and ``torch.compile`` take and return them.

A wrapper flattens to its one tensor leaf ``data`` (keyed ``.data``: an exported graph names the
placeholder of the third positional input ``inputs_2_data``); the layout metadata (sub-batch, K
axes) is the static context.  Every subclass is registered when it is defined.
"""

from __future__ import annotations

from typing import Any

import torch.utils._pytree as pytree

from ._base import TensorWrapper

_META = ("sub_batch_ndim", "sub_batch_state", "sub_batch_meta", "k_ndim", "k_state", "k_pairing")
_DONE: set[type] = set()


def _flatten(t: TensorWrapper) -> tuple[list[Any], tuple[Any, ...]]:
    return [t.data], tuple(getattr(t, k) for k in _META)


def _flatten_with_keys(t: TensorWrapper) -> tuple[list[tuple[Any, Any]], tuple[Any, ...]]:
    leaves, ctx = _flatten(t)
    return [(pytree.GetAttrKey("data"), leaves[0])], ctx


def _unflattener(cls: type[TensorWrapper]) -> Any:
    def unflatten(leaves: Any, ctx: tuple[Any, ...]) -> TensorWrapper:
        # no validation: during tracing the leaf may be a fake or symbolic stand-in
        out = object.__new__(cls)
        (out.data,) = leaves
        for k, v in zip(_META, ctx, strict=True):
            setattr(out, k, v)
        return out

    return unflatten


def register(cls: type[TensorWrapper]) -> None:
    """Register ``cls`` (idempotent)."""
    if cls in _DONE or cls in pytree.SUPPORTED_NODES:
        return
    pytree.register_pytree_node(
        cls,
        _flatten,
        _unflattener(cls),
        serialized_type_name=f"{cls.__module__}.{cls.__qualname__}",
        flatten_with_keys_fn=_flatten_with_keys,
    )
    _DONE.add(cls)


def register_all(root: type[TensorWrapper] = TensorWrapper) -> None:
    """Register ``root`` and every subclass defined so far."""
    stack = [root]
    while stack:
        cls = stack.pop()
        register(cls)
        stack.extend(cls.__subclasses__())
