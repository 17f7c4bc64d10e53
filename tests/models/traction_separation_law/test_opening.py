"""Monotonic normal opening of the documented bilinear cohesive law (traction_separation_law.md,
"Example model composition"): VecComponents -> ScalarPNorm / MacaulaySplit -> ModeMixity ->
CamanhoDavilaCriticalSeparation -> BK (or power-law) full separation -> ScalarPNorm -> BilinearTraction,
stepped by a TransientDriver that carries the damage. In pure mode I (beta = 0) both criteria give
delta_c = N / K and delta_f = 2 G_Ic / N, and the closed-form law is

    T_n = K delta                              delta <= delta_c   (elastic),
    T_n = N (delta_f - delta) / (delta_f - delta_c)   delta_c < delta < delta_f   (softening),
    T_n = 0                                    delta >= delta_f   (fully open),

with d = delta_f (delta - delta_c) / (delta (delta_f - delta_c)) on the softening branch.
"""

from __future__ import annotations

import pytest
import torch

import neml2

K, N, S, GIC, GIIC, ETA = 100.0, 1.0, 1.5, 0.01, 0.02, 2.0
DC, DF = N / K, 2 * GIC / N  # 0.01, 0.02
NSTEP, DMAX = 121, 0.03

INPUT = """
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, {nstep}, dtype=torch.float64))'
  []
  [jumps]
    type = Python
    expr = 'Vec.fill(torch.linspace(0, {dmax}, {nstep}, dtype=torch.float64), 0.0, 0.0)'
  []
[]

[Models]
  [decompose]
    type = VecComponents
    from = 'separation'
    to = 'signed_normal_separation tangential_separation_1 tangential_separation_2'
  []
  [tangential_separation]
    type = ScalarPNorm
    from = 'tangential_separation_1 tangential_separation_2'
    to = 'tangential_separation'
    exponent = 2
  []
  [macaulay_n]
    type = MacaulaySplit
    from = 'signed_normal_separation'
    to_positive = 'normal_separation'
    to_negative = 'normal_penetration'
  []
  [mode_mixity]
    type = ModeMixity
  []
  [critical_separation]
    type = CamanhoDavilaCriticalSeparation
    mode_mixity = 'mode_mixity'
    penalty_stiffness = {K}
    normal_strength = {N}
    shear_strength = {S}
  []
  [full_separation]
    type = {criterion}
    mode_mixity = 'mode_mixity'
    critical_separation = 'critical_separation'
    penalty_stiffness = {K}
    mode_I_fracture_toughness = {GIC}
    mode_II_fracture_toughness = {GIIC}
    shear_strength = {S}
    eta = {ETA}
  []
  [effective_separation]
    type = ScalarPNorm
    from = 'normal_separation tangential_separation'
    to = 'effective_separation'
    exponent = 2
  []
  [traction]
    type = BilinearTraction
    normal_penetration = 'normal_penetration'
    penalty_stiffness = {K}
    critical_separation = 'critical_separation'
    full_separation = 'full_separation'
  []
  [model]
    type = ComposedModel
    models = 'decompose tangential_separation macaulay_n mode_mixity critical_separation full_separation
              effective_separation traction'
    additional_outputs = 'damage'
  []
[]

[Drivers]
  [driver]
    type = TransientDriver
    model = 'model'
    prescribed_time = 'times'
    prescribed_Vec_names = 'separation'
    prescribed_Vec_values = 'jumps'
    show_progress = false
  []
[]
"""


def closed_form(delta: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """(T_n, d) of the bilinear law in pure mode I."""
    soft = (delta > DC) & (delta < DF)
    T = torch.where(delta <= DC, K * delta, torch.where(soft, N * (DF - delta) / (DF - DC), torch.zeros_like(delta)))
    d = torch.where(
        delta <= DC,
        torch.zeros_like(delta),
        torch.where(soft, DF * (delta - DC) / (delta * (DF - DC)), torch.ones_like(delta)),
    )
    return T, d


@pytest.mark.parametrize("criterion", ["BenzeggaghKenaneFullSeparation", "PowerLawFullSeparation"])
def test_monotonic_normal_opening(criterion: str) -> None:
    text = INPUT.format(nstep=NSTEP, dmax=DMAX, K=K, N=N, S=S, GIC=GIC, GIIC=GIIC, ETA=ETA, criterion=criterion)
    driver = neml2.load_string(text).get_driver("driver")
    with torch.no_grad():
        driver.run()
    res = driver.result()
    delta = torch.linspace(0, DMAX, NSTEP, dtype=torch.float64)[1:]
    T = torch.stack([res[f"output.{i}.traction"] for i in range(1, NSTEP)])
    d = torch.stack([res[f"output.{i}.damage"] for i in range(1, NSTEP)])
    T_ref, d_ref = closed_form(delta)
    # every regime of the curve is sampled
    assert (delta < DC).sum() > 10 and ((delta > DC) & (delta < DF)).sum() > 10 and (delta > DF).sum() > 10
    torch.testing.assert_close(T[:, 0], T_ref, rtol=0, atol=1e-6)
    torch.testing.assert_close(T[:, 1:], torch.zeros_like(T[:, 1:]), rtol=0, atol=1e-6)
    torch.testing.assert_close(d, d_ref, rtol=0, atol=1e-6)
    # the peak traction is the normal strength, reached at the onset separation
    assert abs(T[:, 0].max().item() - N) < 1e-6
