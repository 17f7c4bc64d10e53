"""A progress bar on the terminal (tqdm), silent when output is not a terminal or disabled."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def progress(it: Iterable[T], unit: str, enabled: bool = True) -> Iterable[T]:
    if not enabled or not sys.stderr.isatty():
        return it
    from tqdm import tqdm

    return tqdm(it, unit=unit, leave=False, dynamic_ncols=True)
