"""ModelUnitTest: check a model's values and derivatives from an input file.

Values are compared with hand-computed expectations; the chain-rule tangents
(``v=``, and ``v2`` / ``vh`` for second-order models) with torch autograd of the
plain forward; parameter gradients (autograd) with central finite differences
extrapolated to zero step (Ridders).  Inputs are broadcast to ``batch_shape``; derivative
checks perturb every batch point slightly so points differ, seed K = 2 random
tangents per input, and also run with each unbatched input given without batch
dims and with unbatched (seed-like) tangents.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from neml2.drivers.driver import Driver
from neml2.errors import InputError
from neml2.factory import register_neml2_object
from neml2.schema import HitSchema, option
from neml2.types import TYPES, TensorWrapper

VALUE_TYPES = ("Scalar", "Vec", "SR2", "R2", "WR2", "MRP", "SSR4", "MillerIndex")
K = 2  # seeds per input tangent
PERTURBATION = 1e-2  # relative spread of the batch points in derivative checks


@dataclass
class ModelUnitTestReport:
    """How many checks passed (a failed check raises instead); true when every check passed."""

    value_checks: int = 0
    jvp_checks: int = 0
    second_derivative_checks: int = 0
    parameter_derivative_checks: int = 0
    devices: list[str] = field(default_factory=lambda: ["cpu"])

    def __bool__(self) -> bool:
        return True


def _options() -> dict[str, Any]:
    opts: dict[str, Any] = {
        "model": option(str, doc="the [Models] block under test"),
        "batch_shape": option(str, "()", doc="batch shape the given values are expanded to, e.g. '(5,2)'"),
        # not in the documented list: off for models without a chain rule (e.g. a compiled AOTIModel)
        "check_derivatives": option(bool, True, doc="check the first derivatives (JVP) against finite differences"),
        "check_second_derivatives": option(bool, False, doc="check the second derivatives against autograd"),
        "check_AD_parameter_derivatives": option(
            bool, True, doc="check that autograd reaches every parameter, against finite differences"
        ),
        "check_cuda": option(bool, False, doc="repeat the checks on CUDA when a GPU is available"),
        "value_rel_tol": option(float, 1e-5, doc="relative tolerance of the output values"),
        "value_abs_tol": option(float, 1e-8, doc="absolute tolerance of the output values"),
        "derivative_rel_tol": option(float, 1e-5, doc="relative tolerance of the derivative checks"),
        "derivative_abs_tol": option(float, 1e-8, doc="absolute tolerance of the derivative checks"),
    }
    what = {"input": "the model's {t} inputs to set", "output": "the model's {t} outputs to check"}
    for kind in ("input", "output"):
        for t in VALUE_TYPES:
            opts[f"{kind}_{t}_names"] = option("list", None, doc=what[kind].format(t=t))
            opts[f"{kind}_{t}_values"] = option(
                "list", None, doc="their values (numbers, ';' between values, or [Tensors] names), one per name"
            )
    return opts


def _parse_shape(text: str) -> tuple[int, ...] | None:
    if not re.fullmatch(r"\s*\(?\s*(\d+\s*(,\s*\d+\s*)*,?\s*)?\)?\s*", text):
        return None
    return tuple(int(x) for x in re.findall(r"\d+", text))


def _is_number(token: str) -> bool:
    try:
        float(token)
    except ValueError:
        return False
    return True


def _split_values(tokens: list[str], n: int) -> list[str] | None:
    """One spec per name: [Tensors] names and literals; a literal is a run of numbers, ``;``
    separates runs explicitly, and one run of numbers only is split evenly among the names."""
    text = " ".join(tokens)
    if ";" in text:
        return [part.strip() for part in text.split(";") if part.strip()]
    groups: list[list[str]] = []
    for tok in tokens:
        if _is_number(tok) and groups and _is_number(groups[-1][-1]):
            groups[-1].append(tok)
        else:
            groups.append([tok])
    if len(groups) == 1 and n > 1 and _is_number(tokens[0]):
        if len(tokens) % n:
            return None
        m = len(tokens) // n
        return [" ".join(tokens[i * m : (i + 1) * m]) for i in range(n)]
    return [" ".join(g) for g in groups]


def _fill(type_name: str, values: list[float]) -> TensorWrapper:
    """A literal as the type's ``fill`` (SR2: 1 / 3 / 6 values, Mandel-scaled; SSR4: 36 values)."""
    cls = TYPES[type_name]
    if type_name == "Scalar":
        if len(values) != 1:
            raise ValueError(f"a Scalar takes 1 value, got {len(values)}")
        return cls(values[0])
    if type_name == "SSR4":
        if len(values) != 36:
            raise ValueError(f"an SSR4 takes 36 values, got {len(values)}")
        return cls(torch.tensor(values).reshape(6, 6))
    return cls.fill(*values)  # type: ignore[attr-defined]


def _wrap(cls: type[TensorWrapper], data: torch.Tensor, k_ndim: int = 0, sub_batch_ndim: int = 0) -> TensorWrapper:
    out = object.__new__(cls)
    TensorWrapper.__init__(out, data, sub_batch_ndim=sub_batch_ndim, k_ndim=k_ndim)
    return out


def _seed(x: TensorWrapper, t: torch.Tensor, k_ndim: int, batch_free: bool = False) -> TensorWrapper:
    """A tangent ``t`` (``k_ndim`` seed axes) of input ``x``: over ``x``'s batch axes it carries ``x``'s
    sub-batch marking; a batch-free tangent (base axes only) has none and broadcasts over the sites."""
    return _wrap(type(x), t, k_ndim, 0 if batch_free else x.sub_batch_ndim)


def _pad(data: torch.Tensor, k_ndim: int, shape: tuple[int, ...]) -> torch.Tensor:
    """``data`` of layout ``(*K, *b, *base)`` expanded to ``(*K, *shape)`` (b right-aligned)."""
    head, tail = data.shape[:k_ndim], data.shape[k_ndim:]
    if len(tail) > len(shape):
        raise RuntimeError(f"cannot broadcast {tuple(data.shape)} to {tuple(shape)}")
    data = data.reshape(tuple(head) + (1,) * (len(shape) - len(tail)) + tuple(tail))
    return data.expand(tuple(head) + tuple(shape))


def _expand(w: TensorWrapper, batch_shape: tuple[int, ...]) -> TensorWrapper:
    """``w`` (no seed axes) broadcast to ``batch_shape`` (dynamic + sub-batch axes); a value marked with
    sub-batch axes (``sub_batch_ndim=``) keeps them: its trailing batch axes stay per-site, and where
    ``batch_shape`` does not end with them it is the dynamic batch the sites are appended to."""
    batch, sub = tuple(batch_shape), tuple(w.sub_batch_shape)
    if sub and batch[len(batch) - len(sub) :] != sub:
        batch = batch + sub
    return w._new(torch.broadcast_to(w.data, batch + tuple(w.base_shape)))


def _keys(tree: dict, prefix: tuple = ()) -> list[tuple]:
    """The key paths of a nested tangent dict, e.g. ``(output, leaf_a, leaf_b)``."""
    out: list[tuple] = []
    for k, v in tree.items():
        out.extend(_keys(v, (*prefix, k)) if isinstance(v, dict) else [(*prefix, k)])
    return out


def _one_line(e: BaseException) -> str:
    return f"{type(e).__name__}: {' '.join(str(e).split())}"


@register_neml2_object("ModelUnitTest")
class ModelUnitTest(Driver):
    """Checks a model's outputs, chain-rule derivatives and parameter gradients; ``run()`` is True or
    raises an AssertionError naming the model, the variables and the error."""

    hit = HitSchema(_options())

    def __init__(self, *, model: Any = None, **kw: Any) -> None:
        super().__init__(model=model if isinstance(model, str) or model is None else "<python>", **kw)
        self.model = self._ref("model", "get_model") if isinstance(model, str) or model is None else model
        shape = _parse_shape(self.options["batch_shape"])
        if shape is None:
            got = self.options["batch_shape"]
            raise self._error(f"expected a shape like '(5,)' or '(2,3)', got {got!r}", "batch_shape")
        self.batch_shape = shape
        self.inputs = self._collect("input")
        self.outputs = self._collect("output")
        spec_in, spec_out = self.model.input_spec, self.model.output_spec
        for name, value in self.inputs.items():
            if name not in spec_in:
                raise self._error(f"'{name}' is not an input of the model; inputs: {', '.join(spec_in)}", "model")
            if value.base_shape != spec_in[name].BASE_SHAPE:
                raise self._error(f"input '{name}' is a {spec_in[name].__name__}, given a {type(value).__name__}")
        missing = [n for n in spec_in if n not in self.inputs]
        if missing:
            raise self._error(f"no value given for model input(s) {', '.join(missing)}", "model")
        for name, value in self.outputs.items():
            if name not in spec_out:
                raise self._error(f"'{name}' is not an output of the model; outputs: {', '.join(spec_out)}", "model")
            if value.base_shape != spec_out[name].BASE_SHAPE:
                raise self._error(f"output '{name}' is a {spec_out[name].__name__}, given a {type(value).__name__}")
        self.check_values = bool(self.outputs)
        if self.options["check_second_derivatives"] and not getattr(self.model, "SUPPORTS_SECOND_ORDER", False):
            raise self._error("the model has no second-order chain rule", "check_second_derivatives")
        name = self.options["model"] if isinstance(model, str) else getattr(model, "_hit_name", type(model).__name__)
        self.label = f"{self._where.get('block', 'ModelUnitTest')}: model '{name}'"

    def _collect(self, kind: str) -> dict[str, TensorWrapper]:
        out: dict[str, TensorWrapper] = {}
        for t in VALUE_TYPES:
            names = self.options[f"{kind}_{t}_names"] or []
            key = f"{kind}_{t}_values"
            values = _split_values(self.options[key] or [], len(names))
            if values is None or len(names) != len(values):
                raise self._error(
                    f"cannot split {' '.join(self.options[key] or [])!r} into {len(names)} value(s); "
                    "separate literals with ';'",
                    key,
                )
            for name, spec in zip(names, values, strict=True):
                if name in out:
                    raise self._error(f"'{name}' is given twice", f"{kind}_{t}_names")
                out[name] = self._value(t, spec, key)
        return out

    def _value(self, type_name: str, spec: str, key: str) -> TensorWrapper:
        cls = TYPES[type_name]
        if spec and all(_is_number(x) for x in spec.split()):
            floats = [float(x) for x in spec.split()]
            try:
                return _fill(type_name, floats)
            except (TypeError, ValueError) as e:
                raise self._error(f"{spec!r}: {e}", key) from None
        if self.factory is None or not self.factory.has_tensor(spec):
            raise self._error(f"{spec!r} is neither numbers nor a [Tensors] name", key)
        w = self.factory.get_tensor(spec)
        if not isinstance(w, TensorWrapper) or w.base_shape != cls.BASE_SHAPE:
            raise self._error(f"[Tensors]/{spec} is not a {type_name}", key)
        return w if isinstance(w, cls) else cls(w.data)

    # -------------------------------------------------------------------- run
    @classmethod
    def from_file(cls, path: str | Path, name: str | None = None) -> ModelUnitTest:
        """The ModelUnitTest block ``name`` of the input file at ``path`` (``None``: its only one)."""
        from neml2.factory import load_input

        factory = load_input(path)
        if name is None:
            names = [
                n
                for n, node in factory.blocks["Drivers"].items()
                if node.find("type") is not None and node.find("type").param_str() == "ModelUnitTest"
            ]
            if len(names) != 1:
                found = ", ".join(names) or "none"
                raise InputError(
                    f"expected one ModelUnitTest block in [Drivers], found {found}; pass name=", file=str(path)
                )
            name = names[0]
        driver = factory.get_driver(name)
        if not isinstance(driver, cls):
            raise InputError(f"[Drivers/{name}] is a {type(driver).__name__}, not a ModelUnitTest", file=str(path))
        return driver

    def run(self) -> ModelUnitTestReport:
        """Run every check; the report counts them. Raises AssertionError on the first mismatch."""
        self.report = ModelUnitTestReport()
        self._run_checks()
        if self.options["check_cuda"] and torch.cuda.is_available():
            self._on_device(torch.device("cuda"))
        return self.report

    def _run_checks(self) -> None:
        self.gen = torch.Generator().manual_seed(0)
        if self.check_values:
            self._check_values()
        points = self._points()
        if self.options["check_derivatives"]:
            self._check_first_order(points)
        if self.options["check_second_derivatives"]:
            self._check_second_order(points[0][1])
        if self.options["check_AD_parameter_derivatives"]:
            self._check_parameters(points[0][1])

    def _on_device(self, device: torch.device) -> None:
        """The same checks with a copy of the model and every input and expected value on ``device``."""
        saved = (self.model, self.inputs, self.outputs, self.label)
        try:
            self.model = copy.deepcopy(self.model).to(device)
            self.inputs = {k: w._new(w.data.to(device)) for k, w in self.inputs.items()}
            self.outputs = {k: w._new(w.data.to(device)) for k, w in self.outputs.items()}
            self.label = f"{self.label} on {device}"
            self._run_checks()
            self.report.devices.append(str(device))
        finally:
            self.model, self.inputs, self.outputs, self.label = saved

    def _fail(self, what: str, detail: str) -> AssertionError:
        return AssertionError(f"{self.label}: {what}: {detail}")

    def _call(self, what: str, xs: list[TensorWrapper], **kw: Any) -> tuple:
        try:
            out = self.model(*xs, **kw)
        except Exception as e:  # noqa: BLE001 - any failure of the model is a failed check
            raise self._fail(what, _one_line(e)) from e
        return out if isinstance(out, tuple) else (out,)

    def _compare(
        self, what: str, got: torch.Tensor, want: torch.Tensor, rtol: float, atol: float, *, normwise: bool
    ) -> None:
        try:
            got = got.expand(want.shape) if got.shape != want.shape else got
        except RuntimeError:
            raise self._fail(what, f"shape {tuple(got.shape)}, expected {tuple(want.shape)}") from None
        err = (got - want).abs()
        if not bool(torch.isfinite(got).all()):
            raise self._fail(what, "not finite")
        if normwise:
            scale = want.abs().max().item() if want.numel() else 0.0
            e = err.max().item() if err.numel() else 0.0
            if e > atol + rtol * scale:
                raise self._fail(
                    what, f"max abs error {e:.3e} > atol {atol:.1e} + rtol {rtol:.1e} * max|expected| {scale:.3e}"
                )
        elif not bool((err <= atol + rtol * want.abs()).all()):
            i = int(torch.argmax(err - rtol * want.abs()))
            raise self._fail(
                what,
                f"got {got.flatten()[i].item()!r}, expected {want.flatten()[i].item()!r} "
                f"(max abs error {err.max().item():.3e}; rtol {rtol:.1e}, atol {atol:.1e})",
            )

    def _check_values(self) -> None:
        spec = self.model.input_spec
        xs = [_expand(self.inputs[n], self.batch_shape) for n in spec]
        outs = self._call("forward", xs)
        rtol, atol = self.options["value_rel_tol"], self.options["value_abs_tol"]
        for name, out in zip(self.model.output_spec, outs, strict=True):
            if name not in self.outputs:
                continue
            want = self.outputs[name].data
            shape = torch.broadcast_shapes(out.data.shape, want.shape)
            self._compare(f"value of '{name}'", out.data, want.expand(shape), rtol, atol, normwise=False)
            self.report.value_checks += 1

    # ---------------------------------------------------------- derivatives
    def _perturb(self, w: TensorWrapper, batched: bool) -> TensorWrapper:
        data = _expand(w, self.batch_shape).data if batched else w.data
        u = torch.rand(data.shape, generator=self.gen, dtype=data.dtype) * 2 - 1
        return w._new(data * (1 + PERTURBATION * u))

    def _randn(self, shape: tuple[int, ...], like: torch.Tensor) -> torch.Tensor:
        return torch.randn(shape, generator=self.gen, dtype=like.dtype).to(like.device)

    def _points(self) -> list[tuple[str, list[TensorWrapper]]]:
        """(label, inputs): all batched, then each input given without batch dims in turn."""
        names = list(self.model.input_spec)
        base = [self._perturb(self.inputs[n], True) for n in names]
        points = [("batched", base)]
        if self.batch_shape:
            for i, n in enumerate(names):
                if self.inputs[n].dynamic_batch_ndim == 0:
                    xs = list(base)
                    xs[i] = self._perturb(self.inputs[n], False)
                    points.append((f"'{n}' without batch dims", xs))
        return points

    def _plain(self, xs: list[TensorWrapper]) -> Callable[..., tuple]:
        def f(*datas: torch.Tensor) -> tuple:
            out = self.model(*[x._new(d) for x, d in zip(xs, datas, strict=True)])
            out = out if isinstance(out, tuple) else (out,)
            return tuple(o.data for o in out)

        return f

    def _jvp(self, f: Callable[..., tuple], datas: tuple, i: int, t: torch.Tensor, create_graph: bool = False) -> tuple:
        """Autograd JVP of ``f`` along ``t`` for input ``i`` (zeros elsewhere)."""
        tangents = tuple(t if j == i else torch.zeros_like(d) for j, d in enumerate(datas))
        return torch.autograd.functional.jvp(f, datas, tangents, create_graph=create_graph, strict=False)[1]

    def _out_shapes(self, xs: list[TensorWrapper]) -> dict[str, tuple[int, ...]]:
        with torch.no_grad():
            outs = self._call("forward", xs)
        return {n: tuple(o.data.shape) for n, o in zip(self.model.output_spec, outs, strict=True)}

    def _check_first_order(self, points: list[tuple[str, list[TensorWrapper]]]) -> None:
        names = list(self.model.input_spec)
        cases = [(label, xs, False) for label, xs in points]
        if self.batch_shape and names:
            cases.append(("tangents without batch dims", points[0][1], True))
        for label, xs, unbatched_tangents in cases:
            datas = tuple(x.data for x in xs)
            tangents = []
            for x in xs:
                shape = x.BASE_SHAPE if unbatched_tangents else tuple(x.data.shape)
                tangents.append(self._randn((K, *shape), x.data))
            v = {
                n: {n: _seed(x, t, 1, unbatched_tangents), "*": _seed(x, t, 1, unbatched_tangents)}
                for n, x, t in zip(names, xs, tangents, strict=True)
            }
            *_, v_out = self._call(f"v= call ({label})", xs, v=v)
            shapes = self._out_shapes(xs)
            f = self._plain(xs)
            want: dict[tuple[str, str], torch.Tensor] = {}
            for i, (n, x, t) in enumerate(zip(names, xs, tangents, strict=True)):
                cols = [self._jvp(f, datas, i, _pad(t[k], 0, tuple(x.data.shape))) for k in range(K)]
                for o, y in enumerate(self.model.output_spec):
                    block = torch.stack([c[o] for c in cols])
                    want[(y, n)] = block
                    want[(y, "*")] = want[(y, "*")] + block if (y, "*") in want else block
            self._compare_tangents(f"first order ({label})", v_out, want, shapes, 1)

    def _compare_tangents(
        self, what: str, got: dict, want: dict[tuple, torch.Tensor], shapes: dict[str, tuple[int, ...]], k_ndim: int
    ) -> None:
        rtol, atol = self.options["derivative_rel_tol"], self.options["derivative_abs_tol"]
        for y in got:
            if y not in shapes:
                raise self._fail(what, f"tangent of '{y}', which is not an output")
        for key in _keys(got):
            if key not in want:  # a tangent along seeds nobody asked for
                want = {**want, key: torch.zeros(())}
        for key, w in want.items():
            y, leaves = key[0], key[1:]
            g = got.get(y, {})
            for leaf in leaves:
                g = g.get(leaf) if isinstance(g, dict) else None
                if g is None:
                    break
            pair = f"d({y})/d({', '.join(leaves)})".replace("*", "all inputs")
            if g is None:
                data = torch.zeros_like(w)
            elif not w.dim():
                raise self._fail(f"{what}: {pair}", "unexpected tangent (these seeds were not given)")
            else:
                if g.k_ndim != k_ndim:
                    raise self._fail(f"{what}: {pair}", f"tangent has {g.k_ndim} seed axes, expected {k_ndim}")
                try:
                    data = _pad(g.data, k_ndim, shapes[y])
                except RuntimeError:
                    detail = f"tangent shape {tuple(g.data.shape)} vs output {shapes[y]}"
                    raise self._fail(f"{what}: {pair}", detail) from None
            self._compare(f"{what}: {pair}", data, w, rtol, atol, normwise=True)
            if k_ndim == 1:
                self.report.jvp_checks += 1
            else:
                self.report.second_derivative_checks += 1

    def _check_second_order(self, xs: list[TensorWrapper]) -> None:
        names = list(self.model.input_spec)
        datas = tuple(x.data for x in xs)
        f = self._plain(xs)
        shapes = self._out_shapes(xs)
        outs = list(self.model.output_spec)
        ts = [self._randn((K, *x.data.shape), x.data) for x in xs]
        ss = [self._randn((K, *x.data.shape), x.data) for x in xs]
        ws = [self._randn((K, K, *x.data.shape), x.data) for x in xs]
        v = {n: {f"a:{n}": _seed(x, t, 1)} for n, x, t in zip(names, xs, ts, strict=True)}
        vh = {n: {f"b:{n}": _seed(x, s, 1)} for n, x, s in zip(names, xs, ss, strict=True)}
        v2 = {n: {f"a:{n}": {f"b:{n}": _seed(x, w, 2)}} for n, x, w in zip(names, xs, ws, strict=True)}

        def hess(i: int, t: torch.Tensor, j: int, s: torch.Tensor) -> list[torch.Tensor]:
            """``y''[t_i, s_j]`` for every output, shape (Ka, Kb, *out)."""

            def first(*d: torch.Tensor) -> tuple:
                cols = [self._jvp(f, d, i, t[a], create_graph=True) for a in range(K)]
                return tuple(torch.stack([c[o] for c in cols]) for o in range(len(outs)))

            cols = [self._jvp(first, datas, j, s[b]) for b in range(K)]
            return [torch.stack([c[o] for c in cols], dim=1) for o in range(len(outs))]

        def jac(i: int, w: torch.Tensor) -> list[torch.Tensor]:
            flat = w.reshape(K * K, *w.shape[2:])
            cols = [self._jvp(f, datas, i, flat[k]) for k in range(K * K)]
            return [torch.stack([c[o] for c in cols]).reshape(K, K, *shapes[y]) for o, y in enumerate(outs)]

        # symmetric: right slot = v, plus an incoming v2 (the g' v2 term)
        want: dict[tuple, torch.Tensor] = {}
        for i, ni in enumerate(names):
            for j, nj in enumerate(names):
                for o, h in enumerate(hess(i, ts[i], j, ts[j])):
                    want[(outs[o], f"a:{ni}", f"a:{nj}")] = h
            for o, g in enumerate(jac(i, ws[i])):
                want[(outs[o], f"a:{ni}", f"b:{ni}")] = g
        *_, v_out, v2_out = self._call("v2= call", xs, v=v, v2=v2)
        self._compare_tangents("second order (v2)", v2_out, want, shapes, 2)
        # with vh: the Hessian applied to (v, vh)
        want = {}
        for i, ni in enumerate(names):
            for j, nj in enumerate(names):
                for o, h in enumerate(hess(i, ts[i], j, ss[j])):
                    want[(outs[o], f"a:{ni}", f"b:{nj}")] = h
        *_, v_out, v2_out, vh_out = self._call("vh= call", xs, v=v, v2={}, vh=vh)
        self._compare_tangents("second order (vh)", v2_out, want, shapes, 2)
        first_order = {}
        for i, ni in enumerate(names):
            cols = [self._jvp(f, datas, i, ss[i][k]) for k in range(K)]
            for o, y in enumerate(outs):
                first_order[(y, f"b:{ni}")] = torch.stack([c[o] for c in cols])
        self._compare_tangents("second order (vh first-order part)", vh_out, first_order, shapes, 1)

    def _check_parameters(self, xs: list[TensorWrapper]) -> None:
        params = [(n, p) for n, p in self.model.named_parameters() if p.requires_grad]
        if not params:
            return
        with torch.no_grad():
            outs = self._call("forward", xs)
        weights = [self._randn(tuple(o.data.shape), o.data) for o in outs]

        def loss() -> torch.Tensor:
            out = self._call("forward", xs)
            return sum((o.data * w).sum() for o, w in zip(out, weights, strict=True))  # type: ignore[return-value]

        value = loss()
        if value.requires_grad:
            grads = torch.autograd.grad(value, [p for _, p in params], allow_unused=True)
        else:  # no output depends on any parameter
            grads = (None,) * len(params)
        rtol, atol = self.options["derivative_rel_tol"], self.options["derivative_abs_tol"]
        with torch.no_grad():
            for (name, p), g in zip(params, grads, strict=True):
                g = torch.zeros_like(p) if g is None else g
                fd, err = torch.zeros_like(p), 0.0
                flat = p.data.view(-1)
                for idx in range(flat.numel()):
                    fd.view(-1)[idx], e = _ridders(loss, flat, idx)
                    err = max(err, e)
                # the finite difference is only as good as its own error estimate
                what = f"d(sum of weighted outputs)/d(parameter '{name}') vs finite differences (error {err:.1e})"
                self._compare(what, g, fd, rtol, atol + 2 * err, normwise=True)
                self.report.parameter_derivative_checks += 1


def _ridders(loss: Callable[[], torch.Tensor], flat: torch.Tensor, idx: int) -> tuple[float, float]:
    """d loss / d flat[idx] by Ridders' method (central differences at shrinking steps extrapolated to
    zero step), from a few initial steps; the estimate with the smallest error estimate, and that error."""
    x0 = flat[idx].item()
    scale = abs(x0) if x0 != 0 else 1.0
    con, n, safe = 1.6, 12, 2.0

    def central(h: float) -> float:
        flat[idx] = x0 + h
        up = loss().item()
        flat[idx] = x0 - h
        down = loss().item()
        flat[idx] = x0
        return (up - down) / (2 * h)

    best, err = 0.0, float("inf")
    for h in (0.05 * scale, 5e-3 * scale, 5e-4 * scale):
        prev, run_err = [central(h)], float("inf")
        for _ in range(1, n):
            h /= con
            row = [central(h)]
            fac = con * con
            for j in range(1, len(prev) + 1):
                row.append((row[j - 1] * fac - prev[j - 1]) / (fac - 1))
                fac *= con * con
                e = max(abs(row[j] - row[j - 1]), abs(row[j] - prev[j - 1]))
                if e <= run_err:
                    run_best, run_err = row[j], e
            if abs(row[-1] - prev[-1]) >= safe * run_err:
                break
            prev = row
        if run_err < err:
            best, err = run_best, run_err
    return best, err
