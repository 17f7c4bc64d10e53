"""Calibration example: fit Chaboche viscoplastic parameters to (synthetic) cyclic test data.

The model and the loading are in chaboche.i: small-strain J2 viscoplasticity (Perzyna flow, Voce
isotropic hardening, two Chaboche back stresses), uniaxial stress by mixed control, fully reversed
strain cycles 0 -> +a -> -a -> +a (a = 0.5 % and 1 %) at three strain rates, one implicit update per step. The steps:

1. synthetic "experiments": the model run with the parameters written in chaboche.i (the "true"
   ones), plus Gaussian noise of NOISE MPa on sigma_11 (fixed seed);
2. four parameters start from wrong guesses (INITIAL): the yield stress, C and g of the first back
   stress and the Perzyna reference stress eta;
3. torch.optim.LBFGS fits them, the gradient coming from autograd through every step of the
   TransientDriver (the implicit updates are differentiated by the implicit function theorem). The
   optimizer works on z = log(p / p_initial): all four unknowns start at 0 and move by about 0.3, whatever
   the units of p;
4. prints true / initial / fitted values and writes, into the output folder, stress_strain.png (data,
   initial guess, fit), loss.png (loss history) and fitted.json.

    python examples/calibration/calibrate.py [--iterations N] [--output DIR] [--quick]

The loss is the mean squared misfit of sigma_11 in units of the noise variance: about 1 once the
model fits the data to within the noise.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import torch

import neml2

HERE = Path(__file__).resolve().parent
INPUT = HERE / "chaboche.i"

#: calibrated parameters: label -> "<block>.<parameter>" of chaboche.i
PARAMETERS = {
    "yield stress [MPa]": "yield_fn.yield_stress",
    "C1 [MPa]": "X1rate.C",
    "g1 [-]": "X1rate.g",
    "eta [MPa]": "flow_rate.reference_stress",
}
#: the initial guesses (the true values are those in chaboche.i: 150, 25000, 250, 150)
INITIAL = {
    "yield stress [MPa]": 120.0,
    "C1 [MPa]": 18000.0,
    "g1 [-]": 330.0,
    "eta [MPa]": 200.0,
}
NOISE = 1.0  # standard deviation of the noise on sigma_11 [MPa]
SEED = 0
#: LBFGS: the first step (steepest descent) moves z by lr in the 1-norm, then the line search takes over
LR = 1.0
#: HIT overrides of the shortened run (--quick): 0 -> +a -> -a only, in larger steps
QUICK = ["nsub=8", "nquarter=3"]


class Reparametrized:
    """Stands in for the driver's model: calls it with some of its parameters replaced by tensors
    computed from the optimizer's unknowns (``torch.func.functional_call``), so that autograd reaches
    the unknowns through every step. ``values()`` maps parameter paths (as in ``named_parameters()``)
    to their values; it is called at every step, so the values are always the current ones."""

    def __init__(self, model: Any, values: Callable[[], Mapping[str, torch.Tensor]]) -> None:
        self.model, self.values = model, values
        self.input_spec, self.output_spec = model.input_spec, model.output_spec

    def __call__(self, *args: Any) -> Any:
        return torch.func.functional_call(self.model, dict(self.values()), args, strict=False)


def parameter_paths(model: Any) -> dict[str, str]:
    """label -> full path of its nn.Parameter in ``model`` (e.g. ``update.rate.yield_fn.yield_stress``)."""
    names = [n for n, _ in model.named_parameters()]
    paths = {}
    for label, short in PARAMETERS.items():
        found = [n for n in names if n == short or n.endswith("." + short)]
        if len(found) != 1:
            raise KeyError(f"parameter '{short}' not found (or not unique) in the model: {found}")
        paths[label] = found[0]
    return paths


def simulate(driver: Any, values: Mapping[str, torch.Tensor] | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """Run the driver (its model's parameters replaced by ``values``, path -> tensor, when given);
    returns eps_11 and sigma_11 histories, shape (steps, points), step 0 (the unloaded state) included."""
    model = driver.model
    if values is not None:
        driver.model = Reparametrized(model, lambda: values)
    try:
        driver.run()
    finally:
        driver.model = model
    res = driver.result()
    steps = range(1, driver.nsteps)
    strain = torch.stack([res[f"output.{i}.strain"][..., 0] for i in steps])
    stress = torch.stack([res[f"output.{i}.stress"][..., 0] for i in steps])
    zero = torch.zeros_like(strain[:1])
    return torch.cat([zero, strain]), torch.cat([zero, stress])


def synthetic_data(driver: Any) -> tuple[torch.Tensor, torch.Tensor]:
    """The "experiment": eps_11 and sigma_11 with the true parameters, sigma_11 with noise."""
    with torch.no_grad():
        strain, stress = simulate(driver)
    gen = torch.Generator().manual_seed(SEED)
    noise = NOISE * torch.randn(stress.shape, generator=gen, dtype=stress.dtype)
    noise[0] = 0.0  # the unloaded initial state is known exactly
    return strain, stress + noise


class Progress:
    """A tqdm bar on a terminal, else one line every few evaluations."""

    def __init__(self, total: int) -> None:
        self.bar, self.start, self.n = None, time.perf_counter(), 0
        if sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="eval", dynamic_ncols=True, leave=False)

    def update(self, loss: float, iteration: int) -> None:
        self.n += 1
        if self.bar is not None:
            self.bar.update()
            self.bar.set_postfix(loss=f"{loss:.4g}", iteration=iteration)
        elif self.n <= 3 or self.n % 5 == 0:
            elapsed = time.perf_counter() - self.start
            print(
                f"  evaluation {self.n:3d}  iteration {iteration:3d}  loss {loss:10.4g}  {elapsed:6.1f} s", flush=True
            )

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def calibrate(iterations: int, overrides: list[str] | None = None) -> dict[str, Any]:
    """Generate the data, fit the PARAMETERS from INITIAL with LBFGS; returns everything for the report."""
    driver = neml2.load_input(INPUT, overrides=overrides).get_driver("driver")
    paths = parameter_paths(driver.model)
    params = dict(driver.model.named_parameters())
    true = {label: params[path].item() for label, path in paths.items()}
    rates = driver.factory.get_tensor("rates").data
    amplitudes = driver.factory.get_tensor("amplitudes").data
    strain, data = synthetic_data(driver)

    p0 = torch.tensor([INITIAL[label] for label in paths], dtype=torch.float64)
    z = torch.zeros_like(p0, requires_grad=True)  # p = p0 exp(z)

    def values() -> dict[str, torch.Tensor]:
        p = p0 * torch.exp(z)
        return {path: p[i] for i, path in enumerate(paths.values())}

    def loss_of(stress: torch.Tensor) -> torch.Tensor:
        return ((stress - data) ** 2).mean() / NOISE**2

    optimizer = torch.optim.LBFGS(
        [z],
        lr=LR,
        max_iter=iterations,
        max_eval=3 * iterations,
        tolerance_grad=1e-9,
        tolerance_change=1e-12,
        history_size=10,
        line_search_fn="strong_wolfe",
    )
    history: list[float] = []
    initial_stress: list[torch.Tensor] = []
    progress = Progress(3 * iterations)

    def closure() -> torch.Tensor:
        optimizer.zero_grad()
        _, stress = simulate(driver, values())
        loss = loss_of(stress)
        loss.backward()
        if not initial_stress:
            initial_stress.append(stress.detach())
        history.append(loss.item())
        state = optimizer.state[z]
        progress.update(history[-1], state.get("n_iter", 0))
        return loss

    start = time.perf_counter()
    try:
        optimizer.step(closure)
    finally:
        progress.close()
    wall = time.perf_counter() - start
    with torch.no_grad():
        fitted_values = values()
        _, fit_stress = simulate(driver, fitted_values)
    fitted = {label: fitted_values[path].item() for label, path in paths.items()}
    return {
        "true": true,
        "initial": dict(INITIAL),
        "fitted": fitted,
        "relative_error": {k: abs(fitted[k] - true[k]) / abs(true[k]) for k in true},
        "loss_initial": history[0],
        "loss_final": loss_of(fit_stress).item(),
        "loss_history": history,
        "iterations": int(optimizer.state[z].get("n_iter", 0)),
        "evaluations": len(history),
        "fit_seconds": wall,
        "noise_mpa": NOISE,
        "seed": SEED,
        "strain_rates": rates.tolist(),
        "strain_amplitudes": amplitudes.tolist(),
        "curves": {"strain": strain, "data": data, "initial": initial_stress[0], "fit": fit_stress},
    }


def plot(result: dict[str, Any], output: Path) -> tuple[Path, Path]:
    """stress_strain.png (one panel per strain rate: data, initial guess, fit) and loss.png."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    c = result["curves"]
    eps = 100 * c["strain"]
    rates, amps = result["strain_rates"], result["strain_amplitudes"]
    unique = sorted(set(rates))
    fig, axes = plt.subplots(1, len(unique), figsize=(5 * len(unique), 4.4), sharey=True, constrained_layout=True)
    for ax, rate in zip(axes, unique, strict=True):
        for j, k in enumerate(i for i, r in enumerate(rates) if r == rate):
            labels = (f"data (noise {NOISE:g} MPa)", "initial guess", "fit") if j == 0 else ("_",) * 3
            ax.plot(eps[:, k], c["data"][:, k], "o", ms=2.5, color="0.5", label=labels[0])
            ax.plot(eps[:, k], c["initial"][:, k], "--", color="tab:red", lw=1.2, label=labels[1])
            ax.plot(eps[:, k], c["fit"][:, k], "-", color="tab:blue", lw=1.2, label=labels[2])
        ax.set_title(f"strain rate {rate:.0e} /s, amplitudes {', '.join(f'{100 * a:g}' for a in sorted(set(amps)))} %")
        ax.set_xlabel(r"$\varepsilon_{11}$ [%]")
        ax.grid(alpha=0.3)
    axes[0].set_ylabel(r"$\sigma_{11}$ [MPa]")
    axes[0].legend(fontsize=8, loc="upper left")
    fig.suptitle("Chaboche viscoplasticity: calibration to cyclic uniaxial data")
    curves = output / "stress_strain.png"
    fig.savefig(curves, dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(6, 4), constrained_layout=True)
    h = result["loss_history"]
    ax.semilogy(range(1, len(h) + 1), h, "o-", ms=3)
    ax.axhline(1.0, color="0.5", ls=":", label="noise level")
    ax.set_xlabel("loss evaluation (LBFGS, strong Wolfe line search)")
    ax.set_ylabel(r"mean squared misfit of $\sigma_{11}$ / noise$^2$")
    ax.set_title(f"loss: {h[0]:.3g} -> {result['loss_final']:.3g}")
    ax.grid(alpha=0.3, which="both")
    ax.legend()
    loss = output / "loss.png"
    fig.savefig(loss, dpi=110)
    plt.close(fig)
    return curves, loss


def report(result: dict[str, Any]) -> str:
    lines = [f"{'parameter':<20}{'true':>12}{'initial':>12}{'fitted':>12}{'error':>9}"]
    for k in result["true"]:
        t, i, f = result["true"][k], result["initial"][k], result["fitted"][k]
        lines.append(f"{k:<20}{t:12.6g}{i:12.6g}{f:12.6g}{100 * result['relative_error'][k]:8.2f}%")
    lines.append(
        f"loss {result['loss_initial']:.4g} -> {result['loss_final']:.4g} (1 = the noise level) in "
        f"{result['iterations']} LBFGS iterations, {result['evaluations']} evaluations, {result['fit_seconds']:.1f} s"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--iterations", type=int, default=None, help="LBFGS iterations (default 12, --quick 10)")
    parser.add_argument("--output", type=Path, default=HERE / "output", help="folder for the plots and JSON")
    parser.add_argument("--quick", action="store_true", help="a shortened run: 0 -> +a -> -a only, larger steps")
    parser.add_argument("--threads", type=int, default=1, help="torch CPU threads (default 1)")
    args = parser.parse_args(argv)
    iterations = args.iterations or (10 if args.quick else 12)
    torch.set_num_threads(args.threads)
    args.output.mkdir(parents=True, exist_ok=True)

    start = time.perf_counter()
    overrides = QUICK if args.quick else None
    print(f"fitting {', '.join(PARAMETERS.values())} with LBFGS ({iterations} iterations at most)")
    result = calibrate(iterations, overrides)
    print(report(result))
    curves, loss = plot(result, args.output)
    fitted = {k: v for k, v in result.items() if k not in ("curves",)}
    fitted["parameters"] = dict(PARAMETERS)
    (args.output / "fitted.json").write_text(json.dumps(fitted, indent=2) + "\n")
    for path in (curves, loss, args.output / "fitted.json"):
        print(f"wrote {path}")
    print(f"total {time.perf_counter() - start:.1f} s")
    return 0 if all(math.isfinite(v) for v in result["fitted"].values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
