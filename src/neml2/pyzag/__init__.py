"""Calibration with pyzag: NEML2 nonlinear systems integrated and differentiated (adjoint) by pyzag.

Needs the optional ``calibration`` extra (``pip install neml2[calibration]``: pyzag, pyro-ppl).
"""

from __future__ import annotations

try:
    import pyzag  # noqa: F401
except ImportError as e:  # pragma: no cover - exercised only without the extra
    raise ImportError("neml2.pyzag needs pyzag: pip install 'neml2[calibration]'") from e

from neml2.pyzag.layout import Layout
from neml2.pyzag.model import NEML2PyzagModel

__all__ = ["Layout", "NEML2PyzagModel"]
