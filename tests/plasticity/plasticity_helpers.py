"""Shared helpers of the plasticity tests: loading the input files, stepping a model in time."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import torch

import neml2
from neml2.types import SR2, Scalar, TensorWrapper

INPUTS = Path(__file__).parent / "inputs"
E, NU = 1e5, 0.3
G = E / (2 * (1 + NU))
K = E / (3 * (1 - 2 * NU))


def load(name: str, overrides: list[str] | None = None) -> Any:
    return neml2.load_input(INPUTS / name, overrides=overrides)


def deviatoric_uniaxial(e: torch.Tensor) -> torch.Tensor:
    """Mandel data of the isochoric strain ``e diag(1, -1/2, -1/2)`` (the uniaxial deviator)."""
    return e[..., None] * torch.tensor([1.0, -0.5, -0.5, 0, 0, 0], dtype=torch.float64)


def initial_state(model: Any, batch: tuple[int, ...]) -> dict[str, TensorWrapper]:
    """Zero old values of every ``x~1`` input of ``model`` (other than time), and zero initial guesses
    of the implicit unknowns it takes as inputs (those that are outputs too)."""
    state = {}
    for name, t in model.input_spec.items():
        if (name.endswith("~1") and name != "t~1") or name in model.output_spec:
            state[name] = t(torch.zeros(*batch, *t.BASE_SHAPE, dtype=torch.float64))
    return state


def run_history(
    model: Any, times: torch.Tensor, prescribed: dict[str, torch.Tensor], state: dict[str, TensorWrapper] | None = None
) -> list[dict[str, TensorWrapper]]:
    """Step ``model`` through ``times`` (``(n, *batch)``) with ``prescribed`` SR2 histories; the old
    values ``x~1`` are the previous step's outputs.  Returns the outputs of steps 1..n-1."""
    batch = tuple(times.shape[1:])
    state = dict(state) if state is not None else initial_state(model, batch)
    history = []
    for i in range(1, times.shape[0]):
        inputs = dict(state)
        inputs["t"], inputs["t~1"] = Scalar(times[i]), Scalar(times[i - 1])
        for name, values in prescribed.items():
            inputs[name] = SR2(values[i])
        out = model.call_by_name(inputs)
        history.append(out)
        for name in model.input_spec:
            if name.endswith("~1") and name != "t~1":
                state[name] = out[name[:-2]]
    return history


def von_mises(s: torch.Tensor) -> torch.Tensor:
    """von Mises norm of Mandel data."""
    d = SR2(s).dev().data
    return torch.sqrt(1.5 * (d * d).sum(-1))


SQRT23 = math.sqrt(2.0 / 3.0)
