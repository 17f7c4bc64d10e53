"""The demo: cyclic uniaxial loading of a viscoplastic steel at several strain rates (demo.i).

Loads demo.i with neml2, runs its TransientDriver over the whole batch of material points, saves the
histories to results/demo_results.pt and plots sigma_11 vs eps_11 to results/demo_stress_strain.png.

results/demo_results.pt (``torch.load(path, weights_only=True)``) is a dict of float64 tensors:
``time`` and ``equivalent_plastic_strain`` (steps, points), ``strain`` and ``stress`` (steps, points, 6;
Mandel notation), ``strain_rate`` and ``strain_amplitude`` (points,). Step 0 is the initial state.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

import torch

import neml2

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
RESULTS = ROOT / "results"


class ReportProgress:
    """Wraps the driver's model to print a line every 10 % of the steps (when stderr is no terminal,
    the driver shows no progress bar of its own)."""

    def __init__(self, model: Any, n_calls: int) -> None:
        self.model, self.n_calls, self.calls, self.start = model, n_calls, 0, time.perf_counter()
        self.input_spec, self.output_spec = model.input_spec, model.output_spec

    def __call__(self, *args: Any) -> Any:
        out = self.model(*args)
        self.calls += 1
        if self.calls * 10 // self.n_calls > (self.calls - 1) * 10 // self.n_calls:
            pct, elapsed = 100 * self.calls // self.n_calls, time.perf_counter() - self.start
            print(f"  {pct:3d} %  step {self.calls}/{self.n_calls}  {elapsed:6.1f} s", flush=True)
        return out


def run(overrides: list[str] | None = None) -> tuple[Any, dict[str, torch.Tensor]]:
    """Run demo.i (with optional HIT overrides such as ``namp=10``); returns the driver and the histories."""
    factory = neml2.load_input(HERE / "demo.i", overrides=overrides)
    driver = factory.get_driver("driver")
    rates, amps = factory.get_tensor("rates").data, factory.get_tensor("amplitudes").data
    n_steps = driver.n_steps - 1
    print(
        f"demo.i: {rates.numel()} material points, {n_steps} steps, strain rates "
        f"{', '.join(f'{r:g}' for r in rates.unique().tolist())} /s, amplitudes "
        f"{100 * amps.min().item():.2g}-{100 * amps.max().item():.2g} %"
    )
    if not sys.stderr.isatty():
        driver.model = ReportProgress(driver.model, n_steps)
    start = time.perf_counter()
    with torch.no_grad():  # no calibration here: no autograd graph through the steps
        driver.run()
    wall = time.perf_counter() - start
    print(f"done: {n_steps} steps x {rates.numel()} points in {wall:.1f} s")
    res = driver.result()

    def history(var: str, prefix: str = "output") -> torch.Tensor:
        steps = [res[f"{prefix}.{i}.{var}"] for i in range(1, n_steps + 1)]
        first = res.get(f"{prefix}.0.{var}", torch.zeros_like(steps[0]))
        return torch.stack([first.expand_as(steps[0]), *steps])

    return driver, {
        "time": history("t", "input"),
        "strain": history("strain"),
        "stress": history("stress"),
        "equivalent_plastic_strain": history("equivalent_plastic_strain"),
        "strain_rate": rates,
        "strain_amplitude": amps,
    }


def plot(data: dict[str, torch.Tensor], path: Path) -> None:
    """sigma_11 vs eps_11 of a few amplitudes at each rate, and the peak stress of the last cycle over
    the whole batch."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    rates, amps = data["strain_rate"], data["strain_amplitude"]
    eps, sig = 100 * data["strain"][..., 0], data["stress"][..., 0]
    unique = rates.unique()
    fig, axes = plt.subplots(2, 3, figsize=(15, 9), constrained_layout=True)
    cmap = plt.get_cmap("viridis")
    for ax, rate in zip(axes.flat[:4], unique, strict=False):  # up to four rates get a panel
        idx = (rates == rate).nonzero().flatten()
        for j, k in enumerate(idx[torch.linspace(0, idx.numel() - 1, 3).round().long()].tolist()):
            ax.plot(eps[:, k], sig[:, k], color=cmap(0.15 + 0.35 * j), label=f"amplitude {100 * amps[k]:.2f} %")
        ax.set_title(f"strain rate {rate:.0e} /s")
    ax = axes.flat[4]
    k_max = [(rates == r).nonzero().flatten()[-1].item() for r in unique]
    for i, k in enumerate(k_max):
        ax.plot(
            eps[:, k],
            sig[:, k],
            color=plt.get_cmap("plasma")(0.8 * i / max(len(k_max) - 1, 1)),
            label=f"{rates[k]:.0e} /s",
        )
    ax.set_title(f"all rates, amplitude {100 * amps[k_max[0]]:.2f} %")
    for ax in axes.flat[:5]:
        ax.set_xlabel(r"$\varepsilon_{11}$ [%]")
        ax.set_ylabel(r"$\sigma_{11}$ [MPa]")
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8, loc="upper left")
    ax = axes.flat[5]
    peak = sig[sig.shape[0] // 2 :].abs().amax(0)  # the last of the two cycles
    for i, rate in enumerate(unique):
        sel = rates == rate
        ax.plot(
            100 * amps[sel],
            peak[sel],
            color=plt.get_cmap("plasma")(0.8 * i / max(len(unique) - 1, 1)),
            label=f"{rate:.0e} /s",
        )
    ax.set_title(f"peak stress of the last cycle, all {rates.numel()} points")
    ax.set_xlabel("strain amplitude [%]")
    ax.set_ylabel(r"max $|\sigma_{11}|$ [MPa]")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    fig.suptitle("Chaboche viscoplastic steel, fully reversed uniaxial strain cycles (neml2 demo)")
    fig.savefig(path, dpi=110)
    plt.close(fig)


def main() -> int:
    # One thread: the per-point work is small, and it keeps the run time predictable on a shared machine.
    torch.set_num_threads(int(os.environ.get("NEML2_DEMO_THREADS", "1")))
    RESULTS.mkdir(exist_ok=True)
    start = time.perf_counter()
    _, data = run()
    torch.save(data, RESULTS / "demo_results.pt")
    print(f"results saved to {(RESULTS / 'demo_results.pt').relative_to(ROOT)}")
    plot(data, RESULTS / "demo_stress_strain.png")
    print(f"plot saved to {(RESULTS / 'demo_stress_strain.png').relative_to(ROOT)}")
    print(f"total {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
