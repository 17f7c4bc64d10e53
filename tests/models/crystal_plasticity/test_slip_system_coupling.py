"""SlipSystemElasticInteraction is the coupling RateCondensation differentiates out of the crystal's
resolved shears, and CoordinateDescentPredictor solves the condensed slip-rate equations with it.

The resolved shears as a function of the slip rates over a step (small elastic strain, additive):

    eps_e = eps_e~1 + dt (D - sum_j gamma_dot_j Q M_j Q^T),   sigma = (Q * T) : eps_e,   tau_i = sigma : Q M_i Q^T,

so -d tau_i / d gamma_dot_j = dt (Q M_i Q^T) : (Q * T) : (Q M_j Q^T), the closed form of the interaction.
"""

from __future__ import annotations

import torch

import neml2
from neml2.types import MRP, SR2, Scalar

# cubic stiffness in the crystal frame (Mandel): C11 = 170e3, C12 = 124e3, C44 = 75e3
_T = (
    "SSR4(torch.tensor([[170e3, 124e3, 124e3, 0, 0, 0], [124e3, 170e3, 124e3, 0, 0, 0],"
    " [124e3, 124e3, 170e3, 0, 0, 0], [0, 0, 0, 150e3, 0, 0], [0, 0, 0, 0, 150e3, 0],"
    " [0, 0, 0, 0, 0, 150e3]], dtype=torch.float64))"
)
_INPUT = """
[Tensors]
  [T]
    type = Python
    expr = 'STIFFNESS'
  []
  [sdirs]
    type = Python
    expr = 'MillerIndex(torch.tensor([1, 1, 0]))'
  []
  [splanes]
    type = Python
    expr = 'MillerIndex(torch.tensor([1, 1, 1]))'
  []
[]

[Data]
  [crystal_geometry]
    type = CubicCrystal
    lattice_parameter = 1
    slip_directions = 'sdirs'
    slip_planes = 'splanes'
  []
[]

[Models]
  [euler_rodrigues]
    type = RotationMatrix
    from = 'orientation'
    to = 'orientation_matrix'
  []
  [plastic_deformation_rate]
    type = PlasticDeformationRate
  []
  [elastic_rate]
    type = SR2LinearCombination
    from = 'deformation_rate plastic_deformation_rate'
    to = 'elastic_strain_rate'
    weights = '1 -1'
  []
  [integrate]
    type = SR2ForwardEulerTimeIntegration
    variable = 'elastic_strain'
  []
  [elasticity]
    type = GeneralElasticity
    elastic_stiffness_tensor = 'T'
    strain = 'elastic_strain'
    stress = 'cauchy_stress'
  []
  [resolved_shear]
    type = ResolvedShear
    stress = 'cauchy_stress'
  []
  [resolved_shears]
    type = ComposedModel
    models = 'euler_rodrigues plastic_deformation_rate elastic_rate integrate elasticity resolved_shear'
  []
  [condensation]
    type = RateCondensation
    model = 'resolved_shears'
    rate = 'slip_rates'
    driving_force = 'resolved_shears'
  []
  [interaction]
    type = SlipSystemElasticInteraction
    elastic_stiffness_tensor = 'T'
  []
  [slip_rule]
    type = PowerLawSlipRule
    n = 5
    gamma0 = 0.01
  []
  [cd]
    type = CoordinateDescentPredictor
    rate_law = 'slip_rule'
    driving_force_input = 'resolved_shears'
    rate = 'slip_rates'
    sweeps = SWEEPS
  []
[]
"""

N = 3


def _state() -> dict[str, torch.Tensor]:
    torch.manual_seed(3)
    return {
        "orientation": MRP(0.3 * (torch.rand(N, 3, dtype=torch.float64) - 0.5)),
        "elastic_strain~1": SR2(1e-3 * (torch.rand(N, 6, dtype=torch.float64) - 0.5)),
        "deformation_rate": SR2(torch.tensor([1e-3, -5e-4, -5e-4, 2e-4, 0, 1e-4], dtype=torch.float64).expand(N, 6)),
        "t": Scalar(torch.full((N,), 1.0 + 1e-2, dtype=torch.float64)),
        "t~1": Scalar(torch.full((N,), 1.0, dtype=torch.float64)),
        "slip_strengths": Scalar(torch.full((N,), 60.0, dtype=torch.float64)),
    }


def _factory(sweeps: int = 16) -> neml2.factory.InputFile:
    return neml2.load_string(_INPUT.replace("SWEEPS", str(sweeps)).replace("STIFFNESS", _T))


def test_condensed_coupling_is_the_elastic_interaction() -> None:
    f = _factory()
    cond, inter = f.get_model("condensation"), f.get_model("interaction")
    s = _state()
    c, trial = cond(*[s[k] for k in cond.input_spec])
    ref = inter(*[s[k] for k in inter.input_spec])
    assert c.sub_batch_shape == ref.sub_batch_shape == (12, 12)
    assert trial.sub_batch_shape == (12,)
    torch.testing.assert_close(c.data, ref.data, rtol=1e-10, atol=1e-8)
    # symmetric positive semi-definite (an elastic energy), rank 5 (deviatoric Schmid tensors)
    torch.testing.assert_close(c.data, c.data.transpose(-1, -2))
    ev = torch.linalg.eigvalsh(c.data)
    assert bool((ev > -1e-8 * ev.abs().max()).all())
    assert int((ev > 1e-8 * ev.abs().max()).sum(-1).min()) == 5
    # the trial shears: the resolved shears at zero slip
    rs = f.get_model("resolved_shears")
    zero = Scalar(torch.zeros(12, dtype=torch.float64), sub_batch_ndim=1)
    tau0 = rs.call_by_name({**s, "slip_rates": zero})["resolved_shears"]
    torch.testing.assert_close(trial.data, tau0.data)


def _residual(f: neml2.factory.InputFile, s: dict, rate: Scalar) -> torch.Tensor:
    """|gamma_dot - g(tau(gamma_dot))| / max |gamma_dot| through the uncondensed resolved shears."""
    rs, law = f.get_model("resolved_shears"), f.get_model("slip_rule")
    tau = rs.call_by_name({**s, "slip_rates": rate})["resolved_shears"]
    g = law(tau, s["slip_strengths"])
    return ((rate.data - g.data).abs().amax(-1) / rate.data.abs().amax(-1)).detach()


def test_gauss_seidel_solves_the_condensed_slip_rates() -> None:
    """The predicted slip rates solve gamma_dot = g(tau(gamma_dot)) of the full chain (tau is linear in the
    slip rates, so the condensation is exact); more sweeps, smaller residual."""
    s = _state()
    res = []
    for sweeps in (1, 4, 16):
        f = _factory(sweeps)
        cond, inter, cd = f.get_model("condensation"), f.get_model("interaction"), f.get_model("cd")
        _, trial = cond(*[s[k] for k in cond.input_spec])
        given = {**s, "coupling": inter(*[s[k] for k in inter.input_spec]), "trial_driving_force": trial}
        rate = cd(*[given[k] for k in cd.input_spec])
        assert rate.sub_batch_shape == (12,)
        assert bool((rate.data.abs().amax(-1) > 0).all())
        res.append(_residual(f, s, rate))
    assert bool((res[2] <= res[0]).all())
    assert float(res[2].max()) < 1e-12
