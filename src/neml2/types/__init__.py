"""Typed tensor wrappers (data layout ``(*K, *batch, *sub_batch, *base)``)."""

from ._base import TensorWrapper, align, align_groups, expand_groups, merge_meta
from .functions import cat, fullify, mean_sub_batch, stack, sum_sub_batch, where
from .tensors import (
    MRP,
    R2,
    R4,
    SQRT2,
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
    "SQRT2",
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
    "align_groups",
    "cat",
    "expand_groups",
    "fullify",
    "mean_sub_batch",
    "merge_meta",
    "stack",
    "sum_sub_batch",
    "where",
]
