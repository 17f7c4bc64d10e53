"""NewtonWithLineSearch step acceptance on r(x) = tanh(x), whose Newton step from x = 1 overshoots:
the sufficient decrease holds at the full step, the strong-Wolfe curvature condition does not."""

from __future__ import annotations

import math

import pytest
import torch

import neml2
from neml2.solvers.newton_with_line_search import NewtonWithLineSearch


def _fn(x: torch.Tensor, idx: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    return torch.tanh(x), (1 / torch.cosh(x) ** 2).unsqueeze(-1)


def _step(kind: str) -> torch.Tensor:
    s = NewtonWithLineSearch(linesearch_type=kind)
    x = torch.tensor([[1.0], [0.5]], dtype=torch.float64)
    r, J = _fn(x, torch.arange(2))
    dx = -r / J[..., 0]
    xt, rt, Jt = s.update(_fn, x, dx, torch.arange(2), r)
    torch.testing.assert_close(rt, torch.tanh(xt))  # residual and Jacobian of the accepted point
    return (xt - x) / dx  # the accepted step lengths


def _conditions(x0: float, a: float) -> tuple[bool, bool]:
    r0, J0 = math.tanh(x0), 1 / math.cosh(x0) ** 2
    dx = -r0 / J0
    xa = x0 + a * dx
    ra, Ja = math.tanh(xa), 1 / math.cosh(xa) ** 2
    return ra**2 <= (1 - 1e-3 * a) * r0**2, abs(ra * Ja * dx) <= 0.9 * r0**2


def test_backtracking_takes_the_full_steps() -> None:
    assert _conditions(1.0, 1.0) == (True, False)  # the case: decrease without curvature
    torch.testing.assert_close(_step("BACKTRACKING"), torch.ones(2, 1, dtype=torch.float64))


def test_strong_wolfe_cuts_the_overshooting_step() -> None:
    assert _conditions(1.0, 0.5) == (True, True) and _conditions(0.5, 1.0) == (True, True)
    torch.testing.assert_close(_step("STRONG_WOLFE"), torch.tensor([[0.5], [1.0]], dtype=torch.float64))


def test_strong_wolfe_solve_converges_from_a_file() -> None:
    text = """
[Models]
  [rate]
    type = ScalarLinearCombination
    from = 'x f'
    to = 'x_rate'
    weights = '-1 1'
  []
  [integrate]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'x'
  []
  [implicit]
    type = ComposedModel
    models = 'rate integrate'
  []
  [update]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
  []
[]
[EquationSystems]
  [system]
    type = NonlinearSystem
    model = 'implicit'
    unknowns = 'x'
  []
[]
[Solvers]
  [newton]
    type = NewtonWithLineSearch
    linesearch_type = 'STRONG_WOLFE'
  []
[]
"""
    m = neml2.load_string(text).get_model("update")
    d = torch.float64
    vals = {"x": 0.0, "x~1": 1.0, "t": 2.0, "t~1": 0.0, "f": 3.0}
    (x,) = m(*[m.input_spec[n](torch.tensor(vals[n], dtype=d)) for n in m.input_spec])
    assert x.data.item() == pytest.approx((1.0 + 2.0 * 3.0) / 3.0, rel=1e-12)  # (x~1 + dt f) / (1 + dt)
