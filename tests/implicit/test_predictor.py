"""Predictors change the Newton starting point, not the converged answer."""

from pathlib import Path

import torch

import neml2

HERE = Path(__file__).parent


def _run(path: Path) -> tuple[dict[str, torch.Tensor], int]:
    f = neml2.load_input(path, overrides=["Solvers/newton/abs_tol=1e-14", "Solvers/newton/rel_tol=1e-14"])
    update = f.get_model("return_map")
    iterations = []
    solve = update.solver.solve

    def counting(fn, x0):  # type: ignore[no-untyped-def]
        x, its = solve(fn, x0)
        iterations.append(its)
        return x, its

    update.solver.solve = counting
    d = f.get_driver("driver")
    d.run()
    return d.result(), sum(iterations)


def test_linear_extrapolation_predictor_same_answer_fewer_iterations() -> None:
    res, its = _run(HERE / "j2_predictor.i")
    ref, ref_its = _run(HERE.parent / "regression" / "j2_viscoplasticity.i")
    for k in (k for k in ref if k.startswith("output.")):
        torch.testing.assert_close(res[k], ref[k], rtol=1e-9, atol=1e-12)
    assert its < ref_its
    # the predictor needs x~2 / t~2, which the driver supplies from its history
    assert "input.3.plastic_strain~2" in res and "input.3.t~2" in res
    torch.testing.assert_close(res["input.3.plastic_strain~2"], res["output.1.plastic_strain"])
