"""The log-linear extension of a capillary-pressure curve below a transition saturation S_p
(porous_flow.md): ln P_c continues as the straight line tangent to it at S_p,

    P_c(S) = P_c(S_p) exp( s (S - S_p) ),    s = d ln P_c / dS at S_p,      S < S_p,

and P_c(S) itself for S >= S_p, so P_c stays finite (and C^1) as S -> 0.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from neml2.types import Scalar
from neml2.types.functions import where


def check_transition(model: Any) -> None:
    """With ``log_extension`` on, ``transition_saturation`` must lie in (0, 1)."""
    sp = model.options["transition_saturation"]
    if model.options["log_extension"] and not 0.0 < sp < 1.0:
        raise model._error(
            f"transition_saturation must lie in (0, 1) when log_extension = true, got {sp:g}",
            "transition_saturation",
        )


def log_extended(S: Scalar, sp: float, pc: Callable[[Any], Any], slope: Any) -> Scalar:
    """``pc(S)`` for S >= sp, else ``pc(sp) exp(slope (S - sp))`` (``slope`` = d ln pc / dS at sp)."""
    below = (sp - S).heaviside()
    S_safe = where(below, sp, S)  # keeps the (singular) curve off the extended branch
    extended = pc(sp) * (slope * (S - sp)).exp()
    return where(below, extended, pc(S_safe))
