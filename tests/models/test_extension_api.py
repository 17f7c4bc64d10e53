"""The extension API: user models written to the documented base-class contract.

Named schema fields (``input("velocity", Vec, doc, attr=...)``), parameters read with
``_get_param``, the hand-written chain rule (``apply_chain_rule`` / ``apply_chain_rule_2``),
``request_AD``, registration with ``register_neml2_object`` so input files can use the type,
and composition with built-in models. Derivatives are checked against torch autograd.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import torch

import neml2
from neml2.factory import REGISTRY, register_neml2_object
from neml2.models.chain_rule import ChainRuleDict
from neml2.models.model import Model
from neml2.schema import HitSchema, buffer, input, option, output, parameter
from neml2.types import Scalar, Vec

F64 = torch.float64
G = (0.0, -9.81, 0.0)


def _drag(v: torch.Tensor, mu: torch.Tensor, g: torch.Tensor) -> torch.Tensor:
    """Quadratic drag, the reference: a = g - mu |v| v (plain torch)."""
    return g - mu[..., None] * torch.linalg.vector_norm(v, dim=-1, keepdim=True) * v


class QuadraticDrag(Model):
    """a = g - mu |v| v with a hand-written chain rule: da/dv = -mu (|v| I + v v^T / |v|), da/dmu = -|v| v."""

    hit = HitSchema(
        input("velocity", Vec, "Velocity", attr="_v_name"),
        output("acceleration", Vec, "Acceleration"),
        parameter("drag", Scalar, "Drag coefficient", attr="mu", allow_promotion=True),
        buffer("gravity", Vec, "Gravity", attr="g", default=Vec.fill(*G)),
        option("label", str, "A free-form label", default="ball", attr="label"),
    )

    def forward(self, vel: Vec, *promoted_params, v: ChainRuleDict | None = None):  # type: ignore[override]
        mu = self._get_param("mu", promoted_params, Scalar)
        speed = vel.norm()
        a = self.g - mu * speed * vel
        if v is None:
            return a

        def d_dv(t: Vec) -> Vec:
            return -mu * (speed * t + vel.dot(t) / speed * vel)

        return a, self.apply_chain_rule(
            v, "acceleration", {self._v_name: d_dv, "mu": lambda t: -(t * speed) * vel}, output=a
        )


class QuadraticDragAD(Model):
    """The same law with the chain rule left to ``request_AD``."""

    hit = HitSchema(
        input("velocity", Vec, "Velocity"),
        output("acceleration", Vec, "Acceleration"),
        parameter("drag", Scalar, "Drag coefficient", attr="mu", allow_promotion=True),
        buffer("gravity", Vec, "Gravity", attr="g", default=Vec.fill(*G)),
    )

    def __post_init__(self) -> None:
        self.request_AD()

    def forward(self, vel: Vec, *promoted_params):  # type: ignore[override]
        mu = self._get_param("mu", promoted_params, Scalar)
        return self.g - mu * vel.norm() * vel


def _vel(*batch: int) -> Vec:
    gen = torch.Generator().manual_seed(3)
    return Vec(torch.rand(*batch, 3, generator=gen, dtype=F64) * 4.0 + 0.5)


def _autograd_jacobian(v: torch.Tensor, mu: torch.Tensor) -> torch.Tensor:
    """Per point da/dv (..., 3, 3) by torch autograd of the reference."""
    g = torch.tensor(G, dtype=F64)
    flat = v.reshape(-1, 3)
    m = mu.expand(v.shape[:-1]).reshape(-1)
    rows = [torch.autograd.functional.jacobian(lambda x, k=k: _drag(x, m[k], g), flat[k]) for k in range(len(flat))]
    return torch.stack(rows).reshape(*v.shape[:-1], 3, 3)


# ------------------------------------------------------------------ declarations
def test_named_fields_declare_specs_parameters_buffers_and_attrs() -> None:
    m = QuadraticDrag(drag=0.25)
    assert m.input_spec == {"velocity": Vec} and m.output_spec == {"acceleration": Vec}
    assert [n for n, _ in m.named_parameters()] == ["mu"]
    assert [n for n, _ in m.named_buffers()] == ["g"]
    assert m._v_name == "velocity" and m.label == "ball"
    assert isinstance(m.mu, Scalar) and m.mu.dtype == torch.float64 and float(m.mu.data.detach()) == 0.25
    torch.testing.assert_close(m.g.data, torch.tensor(G, dtype=F64))
    r = QuadraticDrag(velocity="u", acceleration="a", drag=0.25, label="x")
    assert r.input_spec == {"u": Vec} and r.output_spec == {"a": Vec} and r._v_name == "u" and r.label == "x"
    # the schema default is copied, not shared
    assert r.g.data.data_ptr() != QuadraticDrag.hit.fields["gravity"].default.data.data_ptr()


def test_schema_rejects_duplicates_and_accepts_the_keyed_form() -> None:
    with pytest.raises(TypeError, match="declared twice"):
        HitSchema(input("x", Scalar), input("x", Vec))
    with pytest.raises(TypeError, match="attr 'y'"):
        HitSchema(input("a", Scalar, attr="y"), output("b", Scalar, attr="y"))
    keyed = HitSchema(x=input(Scalar, "xx"), n=option("list", None))
    assert keyed.fields["x"].default == "xx" and keyed.fields["n"].type == "list"
    assert HitSchema(...).fields == {}  # a sketch's placeholder


def test_missing_required_parameter_is_a_located_error() -> None:
    with pytest.raises(neml2.InputError, match="drag"):
        QuadraticDrag()


def test_bare_parameter_read_inside_forward_is_rejected() -> None:
    class Bare(QuadraticDrag):
        def forward(self, vel, *promoted_params, v=None):  # type: ignore[override]
            return self.g - self.mu * vel

    m = Bare(drag=0.1)
    assert float(m.mu.data.detach()) == pytest.approx(0.1)  # fine outside forward
    with pytest.raises(AttributeError, match=r"_get_param\('mu'"):
        m(_vel())


# ------------------------------------------------------------------ chain rule
def test_hand_written_jvp_matches_autograd_batched_with_k_seeds() -> None:
    m = QuadraticDrag(drag=0.3)
    vel = _vel(4)
    seeds = Vec(torch.eye(3, dtype=F64), k_ndim=1)  # K = 3 identity seeds, broadcast over the batch
    a, v_out = m(vel, v={"velocity": {"vel": seeds}})
    torch.testing.assert_close(a.data, _drag(vel.data, torch.tensor(0.3, dtype=F64), torch.tensor(G, dtype=F64)))
    jvp = v_out["acceleration"]["vel"]
    assert jvp.k_ndim == 1 and jvp.data.shape == (3, 4, 3)
    # column k of the Jacobian is the JVP along seed k
    torch.testing.assert_close(jvp.data.permute(1, 2, 0), _autograd_jacobian(vel.data, torch.tensor(0.3, dtype=F64)))


def test_apply_chain_rule_takes_option_names_and_sums_by_leaf() -> None:
    m = QuadraticDrag(velocity="u", acceleration="a", drag=0.3)
    t1, t2 = Vec(torch.tensor([1.0, 0.0, 0.0], dtype=F64)), Vec(torch.tensor([0.0, 2.0, 1.0], dtype=F64))
    acts = {"velocity": lambda t: 2.0 * t, "u": lambda t: t}  # option and variable name: contributions add
    out = m.apply_chain_rule({"u": {"s": t1, "r": t2}}, "acceleration", acts)
    assert set(out) == {"a"} and set(out["a"]) == {"s", "r"}
    torch.testing.assert_close(out["a"]["r"].data, 3.0 * t2.data)
    assert m.apply_chain_rule({"other": {"s": t1}}, "a", acts) == {}  # structural zero
    raw = m.apply_chain_rule({"u": {"s": torch.eye(3, dtype=F64)}}, "a", {"u": lambda t: t.norm()})
    assert isinstance(raw["a"]["s"], Scalar)  # a raw seed arrives as the input's type (a Vec batch of 3)
    torch.testing.assert_close(raw["a"]["s"].data, torch.ones(3, dtype=F64))


def test_request_ad_jvp_matches_autograd_under_broadcast_batches() -> None:
    # velocity batch (5, 1), drag batch (3,): the output batch (5, 3) needs per-point blocks
    mu = torch.tensor([0.1, 0.5, 1.0], dtype=F64)
    m = QuadraticDragAD(drag=Scalar(mu))
    vel = _vel(5, 1)
    seeds = Vec(torch.eye(3, dtype=F64), k_ndim=1)
    a, v_out = m(vel, v={"velocity": {"vel": seeds}})
    ref = _drag(vel.data.expand(5, 3, 3), mu, torch.tensor(G, dtype=F64))
    torch.testing.assert_close(a.data, ref)
    jvp = v_out["acceleration"]["vel"]
    assert jvp.data.shape == (3, 5, 3, 3)
    torch.testing.assert_close(jvp.data.permute(1, 2, 3, 0), _autograd_jacobian(vel.data.expand(5, 3, 3), mu))
    # and it agrees with the hand-written chain rule
    _, v_hand = QuadraticDrag(drag=Scalar(mu))(vel, v={"velocity": {"vel": seeds}})
    torch.testing.assert_close(jvp.data, v_hand["acceleration"]["vel"].data)


def test_request_ad_promoted_parameter_and_no_grad() -> None:
    # drag promoted to an input variable: its tangent flows through the auto-derived block too
    m = QuadraticDragAD(drag="c")
    assert list(m.input_spec) == ["velocity", "c"]
    vel, c = _vel(3), Scalar(torch.tensor([0.2, 0.4, 0.6], dtype=F64))
    with torch.no_grad():
        a, v_out = m(vel, c, v={"c": {"c": Scalar(torch.ones(3, dtype=F64))}})
    assert not a.data.requires_grad and not v_out["acceleration"]["c"].data.requires_grad
    speed = torch.linalg.vector_norm(vel.data, dim=-1, keepdim=True)
    torch.testing.assert_close(v_out["acceleration"]["c"].data, -speed * vel.data)  # da/dc = -|v| v
    torch.testing.assert_close(a.data, _drag(vel.data, c.data, torch.tensor(G, dtype=F64)))


def test_request_ad_tangents_carry_the_parameter_graph() -> None:
    # d/dmu of sum(da/dv . t): autograd through the auto-derived block vs the analytic value
    m = QuadraticDragAD(drag=0.3)
    vel = _vel(2)
    t = Vec(torch.tensor([0.3, -1.0, 2.0], dtype=F64))
    _, v_out = m(vel, v={"velocity": {"s": t}})
    v_out["acceleration"]["s"].data.sum().backward()
    speed = torch.linalg.vector_norm(vel.data, dim=-1, keepdim=True)
    dv = speed * t.data + (vel.data * t.data).sum(-1, keepdim=True) / speed * vel.data  # -(da/dv t) / mu
    torch.testing.assert_close(m.mu.data.grad, -dv.sum())


def test_request_ad_subset_keeps_the_hand_written_rest() -> None:
    class Mixed(QuadraticDrag):
        """AD for the velocity; the hand-written forward still supplies da/dmu."""

        def __post_init__(self) -> None:
            self.request_AD(inputs=["velocity"])

    m, ref = Mixed(drag="c"), QuadraticDrag(drag="c")
    vel, c = _vel(2), Scalar(torch.tensor([0.2, 0.7], dtype=F64))
    v = {"velocity": {"x": Vec(torch.eye(3, dtype=F64), k_ndim=1)}, "c": {"y": Scalar(torch.ones(2, dtype=F64))}}
    _, got = m(vel, c, v=v)
    _, want = ref(vel, c, v=v)
    for leaf in ("x", "y"):
        torch.testing.assert_close(got["acceleration"][leaf].data, want["acceleration"][leaf].data)
    with pytest.raises(ValueError, match="no input 'nope'"):
        m.request_AD(inputs=["nope"])
    with pytest.raises(NotImplementedError, match="first-order"):
        m(vel, c, v=v, v2={})


def test_apply_chain_rule_2_second_order_of_a_user_model() -> None:
    class Cube(Model):
        """y = k x^3: y' = 3 k x^2, y'' = 6 k x."""

        SUPPORTS_SECOND_ORDER = True
        hit = HitSchema(input("x", Scalar), output("y", Scalar), parameter("k", Scalar, attr="k"))

        def forward(self, x, *promoted_params, v=None, v2=None):  # type: ignore[override]
            k = self._get_param("k", promoted_params)
            y = k * x * x * x
            if v is None:
                return y
            d1 = {"x": lambda t: 3.0 * k * x * x * t}
            v_out = self.apply_chain_rule(v, "y", d1, output=y)
            if v2 is None:
                return y, v_out
            return y, v_out, self.apply_chain_rule_2(v, v2, "y", d1, {("x", "x"): lambda a, b: 6.0 * k * x * a * b})

    m = Cube(k=2.0)
    x = Scalar(torch.tensor([0.5, 1.5], dtype=F64))
    ta, tb = Scalar(torch.tensor([1.0, 2.0], dtype=F64)), Scalar(torch.tensor([3.0, -1.0], dtype=F64))
    t2 = Scalar(torch.tensor([0.25, 0.5], dtype=F64))
    _, v_out, v2_out = m(x, v={"x": {"a": ta, "b": tb}}, v2={"x": {"a": {"b": t2}}})
    # y''[a, b] = 6 k x t_a t_b + 3 k x^2 t2 (t2: the incoming second-order tangent)
    want = 6 * 2.0 * x.data * ta.data * tb.data + 3 * 2.0 * x.data**2 * t2.data
    torch.testing.assert_close(v2_out["y"]["a"]["b"].data, want)
    torch.testing.assert_close(v_out["y"]["b"].data, 3 * 2.0 * x.data**2 * tb.data)
    # the same pair by autograd: d/ds d/dr of y(x + r ta + s tb) plus y'(x) t2
    xx = x.data.clone().requires_grad_(True)
    (g,) = torch.autograd.grad((2.0 * xx**3 * ta.data).sum(), xx, create_graph=True)  # y' t_a
    (h,) = torch.autograd.grad((g * tb.data).sum(), xx)
    torch.testing.assert_close(v2_out["y"]["a"]["b"].data, h + 3 * 2.0 * x.data**2 * t2.data)


# ------------------------------------------------------------------ input files
@pytest.fixture
def registered() -> Iterator[None]:
    register_neml2_object("TestExtQuadraticDrag")(QuadraticDrag)
    register_neml2_object("TestExtQuadraticDragAD")(QuadraticDragAD)
    yield
    REGISTRY.pop("TestExtQuadraticDrag", None)
    REGISTRY.pop("TestExtQuadraticDragAD", None)


COMPOSED = """
[Tensors]
  [mu]
    type = Python
    expr = 'Scalar(torch.tensor([0.1, 0.5], dtype=torch.float64))'
  []
[]
[Models]
  [drag]
    type = {type}
    velocity = 'v'
    acceleration = 'a'
    drag = 'mu'
  []
  [integrate]
    type = VecBackwardEulerTimeIntegration
    variable = 'v'
    rate = 'a'
  []
  [model]
    type = ComposedModel
    models = 'drag integrate'
  []
[]
"""


@pytest.mark.parametrize("type_", ["TestExtQuadraticDrag", "TestExtQuadraticDragAD"])
def test_registered_type_loads_and_composes_with_builtins(registered: None, type_: str) -> None:
    factory = neml2.load_string(COMPOSED.format(type=type_))
    leaf = factory.get_model("drag")
    assert type(leaf).TYPE_NAME == type_ and leaf.input_spec == {"v": Vec}
    torch.testing.assert_close(leaf.mu.data.detach(), torch.tensor([0.1, 0.5], dtype=F64))
    model = factory.get_model("model")
    assert "a" not in model.input_spec  # wired to the leaf's output by name
    mu, dt = torch.tensor([0.1, 0.5], dtype=F64), 0.2
    vel, vel_n = _vel(2), Vec(torch.zeros(2, 3, dtype=F64))
    args = {
        "v": vel,
        "v~1": vel_n,
        "t": Scalar(torch.tensor(dt, dtype=F64)),
        "t~1": Scalar(torch.tensor(0.0, dtype=F64)),
    }
    out = model(*[args[n] for n in model.input_spec], v={"v": {"v": Vec(torch.eye(3, dtype=F64), k_ndim=1)}})
    r, v_out = out[0], out[-1]
    # backward Euler residual r = v - v_n - dt a(v); dr/dv = I - dt da/dv
    torch.testing.assert_close(r.data, vel.data - dt * _drag(vel.data, mu, torch.tensor(G, dtype=F64)))
    jac = torch.eye(3, dtype=F64) - dt * _autograd_jacobian(vel.data, mu)
    torch.testing.assert_close(v_out["v_residual"]["v"].data.permute(1, 2, 0), jac)


def test_registered_type_option_errors_name_the_option(registered: None) -> None:
    bad = COMPOSED.format(type="TestExtQuadraticDrag").replace("drag = 'mu'", "drag = 'mu'\n    dragg = 1")
    with pytest.raises(neml2.InputError, match=r"dragg.*did you mean 'drag'"):
        neml2.load_string(bad).get_model("drag")


def test_registration_rules() -> None:
    with pytest.raises(ValueError, match="built-in type"):
        register_neml2_object("LinearIsotropicElasticity")(QuadraticDrag)
    with pytest.raises(ValueError, match="identifier"):
        register_neml2_object("Quadratic Drag")
    with pytest.raises(TypeError, match="from_hit"):
        register_neml2_object("TestExtNotAClass")(lambda: None)  # type: ignore[arg-type]
    assert "TestExtNotAClass" not in REGISTRY


def test_option_attr_on_a_non_model_type() -> None:
    from neml2.objects import HitObject

    class Knob(HitObject):
        SECTION = "Data"
        hit = HitSchema(option("level", int, "A level", default=3, attr="level"))

    assert Knob().level == 3 and Knob(level="7").level == 7
