"""[Tensors] from CSV columns: one row per time step (leading axis), typed by the registered class."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, ClassVar

import nmhit
import torch

from neml2.errors import InputError
from neml2.schema import HitSchema, option
from neml2.types import TensorWrapper

CSV_SCHEMA = HitSchema(
    csv_file=option(str, doc="the CSV file (relative to the input file's folder)"),
    variable=option(str, None, doc="column prefix: <variable>, or <variable>_<component> per component"),
    column_names=option("list", None, doc="the columns, in the type's component order"),
)
_SUFFIXES = {
    1: ("",),
    3: ("_x", "_y", "_z"),
    6: ("_xx", "_yy", "_zz", "_yz", "_xz", "_xy"),
}


class CSVTensor:
    """Columns ``column_names`` (or ``variable``, ``variable_xx``... by the type's components)."""

    SECTION = "Tensors"
    TYPE: ClassVar[type[TensorWrapper]]
    hit = CSV_SCHEMA

    @classmethod
    def from_hit(cls, node: nmhit.Node, factory: Any) -> TensorWrapper:
        where = factory.where(cls.SECTION, node.path())
        opts = cls.hit.resolve(cls.hit.read_node(node, where), where)
        path = Path(opts["csv_file"])
        if not path.is_absolute():
            path = Path(factory.path).parent / path
        if not path.exists():
            raise InputError(f"CSV file not found: {path}", option="csv_file", **where)
        with path.open(newline="") as fh:
            rows = list(csv.DictReader(fh))
        header = list(rows[0]) if rows else []
        size = max(1, torch.Size(cls.TYPE.BASE_SHAPE).numel())
        cols = opts["column_names"]
        if cols is None:
            var = opts["variable"]
            if var is None:
                raise InputError("give 'variable' or 'column_names'", option="variable", **where)
            cols = [var + s for s in _SUFFIXES[size]]
        missing = [c for c in cols if c not in header]
        if missing or len(cols) != size:
            raise InputError(
                f"needs {size} column(s) for a {cls.TYPE.__name__}; missing {missing or cols}; header: {header}",
                option="column_names",
                **where,
            )
        try:
            data = torch.tensor([[float(r[c]) for c in cols] for r in rows], dtype=torch.float64)
        except ValueError as e:
            raise InputError(f"non-numeric value in {path.name}: {e}", option="csv_file", **where) from None
        if hasattr(cls.TYPE, "fill") and size > 1:
            return cls.TYPE.fill(*data.unbind(-1))  # type: ignore[attr-defined]
        return cls.TYPE(data.reshape(-1, *cls.TYPE.BASE_SHAPE))
