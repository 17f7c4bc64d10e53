"""TransientDriver: result() keys and graph, calibration gradients through implicit steps, options."""

from pathlib import Path

import pytest
import torch

import neml2

HERE = Path(__file__).parent
J2 = HERE.parent / "regression" / "j2_viscoplasticity.i"


def _j2_copies(n: int) -> str:
    """The J2 example's first loading path at ``n`` identical points, Newton converged tightly so
    finite differences are exact enough."""
    return (
        J2.read_text()
        .replace("nbatch = 4", f"nbatch = {n}")
        .replace("[1.0, 0.5, 2.0, -1.0]", "[" + ", ".join(["1.0"] * n) + "]")
        .replace("type = Newton\n", "type = Newton\n    abs_tol = 1e-13\n    rel_tol = 1e-13\n    max_its = 50\n")
        .replace(
            "prescribed_SR2_values = 'strains'\n",
            "prescribed_SR2_values = 'strains'\n    show_progress = false\n",
        )
    )


J2_ONE_POINT = _j2_copies(1)
PARAMETERS = {
    "E": "elasticity.E",
    "nu": "elasticity.nu",
    "yield stress": "yield_fn.yield_stress",
    "hardening modulus": "isoharden.hardening_modulus",
    "reference stress": "flow_rate.reference_stress",
    "exponent": "flow_rate.exponent",
}


def _parameter(driver: neml2.TransientDriver, suffix: str) -> torch.Tensor:
    return next(p for n, p in driver.model.named_parameters() if n.endswith(suffix))


def test_gradients_through_50_implicit_steps_match_finite_differences() -> None:
    driver = neml2.load_string(J2_ONE_POINT).get_driver("driver")
    params = {k: _parameter(driver, v) for k, v in PARAMETERS.items()}
    assert driver.run()
    loss = driver.result()["output.50.stress"][:, 0].sum()
    loss.backward()

    def final_stress() -> float:
        with torch.no_grad():
            driver.run()
        return driver.result()["output.50.stress"][:, 0].sum().item()

    assert final_stress() == pytest.approx(loss.item(), rel=1e-14)  # the grad mode does not move the value
    # the central differences of every parameter in one run: point 2i is parameter i at x0 + h, point
    # 2i + 1 at x0 - h (the parameters batched over the points, the others at their values)
    fd_driver = neml2.load_string(_j2_copies(2 * len(params))).get_driver("driver")
    steps = {}
    with torch.no_grad():
        for i, (name, suffix) in enumerate(PARAMETERS.items()):
            q = _parameter(fd_driver, suffix)
            x0 = q.item()
            h = 1e-4 * abs(x0)
            value = torch.full((2 * len(params),), x0, dtype=torch.float64)
            value[2 * i], value[2 * i + 1] = x0 + h, x0 - h
            q.data = value
            steps[name] = h
        assert fd_driver.run()
        stress = fd_driver.result()["output.50.stress"][:, 0]
    assert stress.shape == (2 * len(params),)
    for i, (name, p) in enumerate(params.items()):
        fd = (stress[2 * i] - stress[2 * i + 1]).item() / (2 * steps[name])
        assert fd != 0.0
        assert p.grad.item() == pytest.approx(fd, rel=1e-6), name


def test_no_grad_builds_no_graph_and_gives_the_same_values() -> None:
    driver = neml2.load_string(J2_ONE_POINT).get_driver("driver")
    driver.run()
    with_graph = driver.result()
    assert with_graph["output.50.stress"].requires_grad
    with torch.no_grad():
        driver.run()
    plain = driver.result()
    assert set(plain) == set(with_graph)
    assert not any(v.requires_grad for v in plain.values())
    for key, value in plain.items():
        assert torch.equal(value, with_graph[key].detach()), key


ELASTIC = """
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 1, 5, dtype=torch.float64))'
  []
  [strains]
    type = Python
    expr = 'SR2(torch.linspace(0, 1, 5, dtype=torch.float64)[:, None] * SR2.fill(0.01, 0.0, 0.0).data)'
  []
[]
[Models]
  [elasticity]
    type = LinearIsotropicElasticity
    coefficients = '200e3 0.25'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
[Drivers]
  [driver]
    type = TransientDriver
    model = 'elasticity'
    prescribed_time = 'times'
    prescribed_SR2_names = 'strain'
    prescribed_SR2_values = 'strains'
    show_progress = false
  []
[]
"""


def test_attributes_keys_and_save(tmp_path: Path) -> None:
    save_as = tmp_path / "out.pt"
    factory = neml2.load_string(ELASTIC.replace("show_progress = false", f"save_as = '{save_as}'"))
    driver = factory.get_driver("driver")
    assert driver.nsteps == 5
    assert list(driver.prescribed) == ["strain"]
    assert driver.model is factory.get_model("elasticity")
    assert driver.run()
    res = driver.result()
    assert [k for k in res if k.startswith("input.0.")] == ["input.0.t", "input.0.strain"]
    assert not any(k.startswith("output.0.") for k in res)  # the model is not called at step 0
    assert sorted(k for k in res if k.startswith("output.")) == [f"output.{i}.stress" for i in range(1, 5)]
    # uniaxial strain: stress_xx = E (1 - nu) / ((1 + nu)(1 - 2 nu)) eps_xx = 240000 eps_xx
    assert res["output.4.stress"][0].item() == pytest.approx(0.01 * 240e3, rel=1e-12)
    assert res["input.0.t"].item() == 0.0
    assert "input.2.t" not in res  # later steps hold the inputs the model reads; elasticity reads no time
    saved = torch.load(save_as, weights_only=True)
    assert list(saved) == list(res)
    driver.save_result(tmp_path / "again.pt")
    again = torch.load(tmp_path / "again.pt", weights_only=True)
    assert all(torch.equal(again[k], res[k].detach()) for k in res)


def test_batched_sweep_along_a_trailing_axis() -> None:
    text = ELASTIC.replace(
        "expr = 'Scalar(torch.linspace(0, 1, 5, dtype=torch.float64))'",
        "expr = 'Scalar(torch.linspace(0, 1, 5, dtype=torch.float64)[:, None].expand(5, 3))'",
    ).replace(
        "[:, None] * SR2.fill(0.01, 0.0, 0.0).data)'",
        "[:, None, None] * Scalar(torch.tensor([1.0, 2.0, 3.0])).data[:, None] * SR2.fill(0.01, 0.0, 0.0).data)'",
    )
    driver = neml2.load_string(text).get_driver("driver")
    driver.run()
    stress = driver.result()["output.4.stress"]
    assert stress.shape == (3, 6)
    torch.testing.assert_close(stress[:, 0], torch.tensor([2400.0, 4800.0, 7200.0], dtype=torch.float64))


IMPLICIT_IC = """
[Tensors]
  [times]
    type = Python
    expr = 'Scalar(torch.linspace(0, 2, 5, dtype=torch.float64))'
  []
  [rates]
    type = Python
    expr = 'Scalar(torch.full((5,), 3.0, dtype=torch.float64))'
  []
  [x0]
    type = Python
    expr = 'Scalar(torch.tensor(10.0, dtype=torch.float64))'
  []
[]
[EquationSystems]
  [system]
    type = NonlinearSystem
    model = 'integrate'
    unknowns = 'x'
  []
[]
[Solvers]
  [newton]
    type = Newton
  []
[]
[Models]
  [integrate]
    type = ScalarBackwardEulerTimeIntegration
    variable = 'x'
  []
  [model]
    type = ImplicitUpdate
    equation_system = 'system'
    solver = 'newton'
  []
[]
[Drivers]
  [driver]
    type = TransientDriver
    model = 'model'
    prescribed_time = 'times'
    prescribed_Scalar_names = 'x_rate'
    prescribed_Scalar_values = 'rates'
    ic_Scalar_names = 'x'
    ic_Scalar_values = 'x0'
    show_progress = false
  []
[]
"""


def test_initial_condition_is_the_state_at_step_0() -> None:
    driver = neml2.load_string(IMPLICIT_IC).get_driver("driver")
    driver.run()
    res = driver.result()
    assert "output.0.x" not in res  # step 0 is not a model evaluation, as documented
    assert res["input.1.x~1"].item() == 10.0
    # x = x0 + rate * t
    for step in range(1, 5):
        assert res[f"output.{step}.x"].item() == pytest.approx(10.0 + 3.0 * 0.5 * step, rel=1e-12)


@pytest.mark.parametrize(
    ("old", "new", "match"),
    [
        (
            "prescribed_SR2_names = 'strain'",
            "prescribed_SR2_names = 'strain'\n    prescribed_Scalar_names = 'temp'\n"
            "    prescribed_Scalar_values = 'times'",
            r"option 'prescribed_Scalar_names': 'temp' is not an input",
        ),
        (
            "show_progress = false",
            "ic_SR2_names = 'stres'\n    ic_SR2_values = 'strains'",
            r"option 'ic_SR2_names': 'stres' is neither an output nor an input of the model \(did you mean 'stress'",
        ),
        (
            "prescribed_SR2_values = 'strains'",
            "prescribed_SR2_values = 'times'",
            r"option 'prescribed_SR2_values': \[Tensors\]/times is a Scalar, expected a SR2",
        ),
        ("show_progress = false", "predictor = 'linear'", r"option 'predictor': unknown option; valid options: model,"),
    ],
)
def test_bad_options_are_rejected(old: str, new: str, match: str) -> None:
    with pytest.raises(neml2.InputError, match=match):
        neml2.load_string(ELASTIC.replace(old, new)).get_driver("driver")
