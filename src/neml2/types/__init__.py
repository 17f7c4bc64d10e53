"""Typed tensor wrappers (data layout ``(*K, *batch, *sub_batch, *base)``)."""

from ._base import TensorWrapper, align, expand_groups
from .tensors import (
    MRP,
    R2,
    R4,
    SR2,
    SSR4,
    TYPES,
    WR2,
    MillerIndex,
    Quaternion,
    Rot,
    Scalar,
    Tensor,
    Vec,
)

__all__ = [
    "MRP",
    "R2",
    "R4",
    "SR2",
    "SSR4",
    "TYPES",
    "WR2",
    "MillerIndex",
    "Quaternion",
    "Rot",
    "Scalar",
    "Tensor",
    "TensorWrapper",
    "Vec",
    "align",
    "expand_groups",
]
