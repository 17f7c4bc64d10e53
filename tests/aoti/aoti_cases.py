"""The models the compiled-route tests compile, with their neml2-compile arguments."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]

# case -> (input file, compile arguments)
CASES: dict[str, tuple[Path, list[str]]] = {
    "elasticity": (
        TESTS / "tutorial" / "input.i",
        ["--model", "elasticity", "-p", "E", "-p", "elasticity.nu", "-d", ":"],
    ),
    # the documented default: no -d, the evaluation graphs only
    "elasticity_forward": (TESTS / "tutorial" / "input.i", ["--model", "elasticity"]),
    "j2": (
        TESTS / "regression" / "j2_viscoplasticity.i",
        ["--driver", "driver", "-p", "E", "-p", "yield_fn.yield_stress", "-d", "stress:strain"],
    ),
    # an ImplicitUpdate with a LinearExtrapolationPredictor: the Newton guess is a graph too
    "j2_predictor": (TESTS / "implicit" / "j2_predictor.i", ["--model", "model"]),
    "chaboche": (TESTS / "plasticity" / "inputs" / "chaboche.i", ["--model", "model", "-p", "C", "-d", ":"]),
    # [Settings] example_batch_shape per variable '(2; 4)' and dynamic_batch = false
    "batch_settings": (TESTS / "aoti" / "batch_settings.i", ["--model", "elasticity"]),
    # an ImplicitUpdate of a single crystal: the slip systems a sub-batch axis internal to the leaves
    "crystal": (TESTS / "aoti" / "crystal.i", ["--model", "model", "-d", ":"]),
    # a Taylor polycrystal: the grains a sub-batch axis of the per-grain state at the boundary
    "polycrystal": (TESTS / "aoti" / "polycrystal.i", ["--model", "model", "-d", ":"]),
}
MODEL = {
    "elasticity": "elasticity",
    "elasticity_forward": "elasticity",
    "j2": "model",
    "j2_predictor": "model",
    "chaboche": "model",
    "batch_settings": "elasticity",
    "crystal": "model",
    "polycrystal": "model",
}
