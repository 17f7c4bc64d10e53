"""Outputs named after their model block when the input file does not name them."""

from __future__ import annotations

from typing import Any


def name_output_after_block(model: Any, key: str) -> None:
    """Name the optional (and only) output ``key`` of ``model`` after its block (``[Models/C]`` -> ``C``) when
    it is not given; outside an input file (no block name) it keeps the option's own name."""
    if model.var(key) is not None:
        return
    name = str(model._where.get("block", "")).rpartition("/")[2]
    name = name if name.isidentifier() else key
    model.vars[key] = name
    model.output_spec = {name: model.hit.fields[key].type}
