"""Export a model to AOTInductor artifacts: a chain of stages, each compiled into ``.pt2`` segments.

The format is the contract of ``docs/aoti_artifacts.md``: explicit stages compile a forward graph,
an ``ImplicitUpdate`` its residual (with ``dr/dx``, for Newton); with derivatives (``-d``) explicit
stages add a dense-Jacobian graph and implicit ones their sensitivity ``dr/d(given)``.  The Newton
loop and the chaining of stage Jacobians run in the runtime.  Segments compile in parallel
(forked workers, one per core): most of a segment's time is the C++ compile of its wrapper.
Every graph takes its tensors positionally at ``(N, *base)`` with one dynamic batch axis ``N``,
followed by the promoted parameters; every other parameter is baked as a constant.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import time
import warnings
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import torch
from torch import nn

from neml2.aoti.runtime import SCHEMA_VERSION, SEGMENTS
from neml2.errors import InputError
from neml2.models.chain_rule import seeds
from neml2.models.common.implicit_update import ImplicitUpdate
from neml2.models.composed_model import ComposedModel
from neml2.types import TensorWrapper

DTYPES = {"float64": torch.float64, "float32": torch.float32}
_LEAF = "__in__"
#: segment kind -> file name suffix after ``<name>`` / ``<name>_seg<k>`` (docs/aoti_artifacts.md)
SEGMENT_SUFFIX = {
    "forward": "",
    "jacobian": "_jvp",
    "residual": "_residual",
    "sensitivity": "_jacobian_given",
    "predictor": "_predictor",
}
_EXAMPLE_BATCH = 8  # the traced batch when the input file declares none


@dataclass(frozen=True)
class ExampleBatch:
    """The batch a compile traces, from ``[Settings]``: ``dynamic`` the example dynamic batch shape
    (its size ``n`` seeds the trace), ``sub`` the declared sub-batch shape of each variable that has
    one (baked into the graphs), ``dynamic_batch`` whether the artifact serves any batch size (else
    only ``n`` points, refused otherwise by the graphs themselves)."""

    dynamic: tuple[int, ...] = (_EXAMPLE_BATCH,)
    sub: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    dynamic_batch: bool = True

    @property
    def n(self) -> int:
        return math.prod(self.dynamic)

    @property
    def trace_n(self) -> int:
        """The traced size: ``n``, at least 2 (torch.export specializes a dynamic axis of size 0 or 1)."""
        return max(self.n, 2)

    def sub_of(self, name: str) -> tuple[int, ...]:
        return tuple(self.sub.get(name, ()))


def example_batch(factory: Any, model: nn.Module) -> ExampleBatch:
    """The example batch an input file declares for ``model`` (docs/aoti_artifacts.md): the uniform
    ``example_batch_shape`` or the broadcast of the per-variable ones over the model's inputs,
    sub-batch shapes per variable, and ``dynamic_batch``: the batch axis is dynamic unless the file
    says ``dynamic_batch = false``."""
    names = list(model.input_spec) + [n for n in model.output_spec if n not in model.input_spec]
    declared = {n: factory.batch_spec(n) for n in names}
    if isinstance(factory.example_batch_shape, dict):  # a name no part of the model has is a typo
        known = {v for m in model.modules() for spec in ("input_spec", "output_spec") for v in getattr(m, spec, {})}
        for n in factory.example_batch_shape:
            if n not in known and n.split("~")[0] not in known:
                raise InputError(
                    f"'{n}' is not a variable of model '{getattr(model, '_hit_name', 'model')}' "
                    f"(inputs: {', '.join(model.input_spec)}; outputs: {', '.join(model.output_spec)})",
                    file=factory.path,
                    block="Settings",
                    option=f"example_batch_shape/{n}",
                )
    uniform = factory.batch_spec()
    dyns = [s.dynamic for s in declared.values() if s is not None and s.dynamic]
    if uniform is not None and uniform.dynamic:
        dyns.append(uniform.dynamic)
    try:
        dynamic = tuple(torch.broadcast_shapes(*dyns)) if dyns else (_EXAMPLE_BATCH,)
    except RuntimeError:
        shapes = ", ".join(f"{n}: {s.dynamic}" for n, s in declared.items() if s is not None)
        raise InputError(
            f"the example batch shapes do not broadcast ({shapes})",
            file=factory.path,
            block="Settings",
            option="example_batch_shape",
        ) from None
    sub = {n: tuple(s.sub) for n, s in declared.items() if s is not None and s.sub}
    static = "dynamic_batch" in factory.settings and not factory.dynamic_batch
    if static and math.prod(dynamic) < 1:
        raise InputError(
            f"dynamic_batch = false needs an example batch of at least one point, got {dynamic}",
            file=factory.path,
            block="Settings",
            option="example_batch_shape",
        )
    return ExampleBatch(dynamic, sub, not static)


def inductor_options() -> dict[str, Any]:
    """Inductor settings of every segment: portable kernels (no ``-march=native``, no explicit
    vector ISA), a quick ``-O1`` wrapper without line tables, and tensor constants kept as buffers
    (inlining 0-d parameters as scalars trips a lowering bug on ``reshape``)."""
    return {
        "cpp.march": "",
        "cpp.vec_isa_ok": False,
        "max_autotune": False,
        "aot_inductor.compile_wrapper_opt_level": "O1",
        "aot_inductor.precompile_headers": True,
        "aot_inductor.debug_compile": False,
        "aot_inductor.check_lowerbound": False,
        "aot_inductor.enable_line_tables": False,
        "always_keep_tensor_constants": True,
    }


# ---------------------------------------------------------------------------- stages
@dataclass
class Stage:
    """One link of the chain: explicit (``model`` maps ``inputs`` to ``outputs``) or implicit
    (``model`` is an ImplicitUpdate solving ``unknowns`` from ``inputs`` = the given variables)."""

    kind: str
    model: nn.Module
    inputs: list[str]
    outputs: list[str]
    residuals: list[str] = field(default_factory=list)
    predictor_inputs: list[str] = field(default_factory=list)  # implicit: what the Newton guess reads


def _has_implicit(m: nn.Module) -> bool:
    return any(isinstance(s, ImplicitUpdate) for s in m.modules())


def _flatten(model: nn.Module) -> list[nn.Module]:
    """The sub-models in evaluation order, opening composites that hold an ImplicitUpdate."""
    out: list[nn.Module] = []
    for m in model.order:
        if isinstance(m, ComposedModel) and _has_implicit(m):
            out += _flatten(m)
        else:
            out.append(m)
    return out


def split_stages(model: nn.Module) -> list[Stage]:
    """Cut ``model`` into explicit groups and ImplicitUpdate stages (docs/aoti_artifacts.md)."""
    if isinstance(model, ImplicitUpdate):
        return [_implicit_stage(model)]
    if not (isinstance(model, ComposedModel) and _has_implicit(model)):
        if _has_implicit(model):
            raise InputError(f"{type(model).__name__}: an ImplicitUpdate nested in it cannot be exported")
        return [Stage("explicit", model, list(model.input_spec), list(model.output_spec))]
    subs = _flatten(model)
    groups: list[list[nn.Module]] = []
    for m in subs:
        if isinstance(m, ImplicitUpdate):
            groups.append([m])
        elif groups and not isinstance(groups[-1][0], ImplicitUpdate):
            groups[-1].append(m)
        else:
            groups.append([m])
    stages: list[Stage] = []
    for i, g in enumerate(groups):
        if isinstance(g[0], ImplicitUpdate):
            stages.append(_implicit_stage(g[0]))
            continue
        if _has_implicit(nn.ModuleList(g)):
            raise InputError("an ImplicitUpdate nested inside a non-composite model cannot be exported")
        later = {n for h in groups[i + 1 :] for m in h for n in m.input_spec} | set(model.output_spec)
        made = {n for m in g for n in m.output_spec}
        consumed = {n for m in g for n in m.input_spec}
        if len(g) == 1:
            sub = g[0]
        else:
            extra = sorted(n for n in made & later & consumed)
            sub = ComposedModel(models=g, additional_outputs=extra or None)
        stages.append(Stage("explicit", sub, list(sub.input_spec), list(sub.output_spec)))
    known = set(model.input_spec)
    for s in stages:
        missing = [n for n in dict.fromkeys(s.inputs + s.predictor_inputs) if n not in known]
        if missing:
            raise InputError(f"stage inputs {', '.join(missing)} are neither model inputs nor earlier outputs")
        known |= set(s.outputs)
    missing = [n for n in model.output_spec if n not in known]
    if missing:
        raise InputError(f"model outputs {', '.join(missing)} are not produced by any stage")
    return stages


def _implicit_stage(iu: ImplicitUpdate) -> Stage:
    if iu.batched_parameters:
        raise InputError("an ImplicitUpdate with batched parameters cannot be exported (one batch axis only)")
    sys = iu.system
    pred = list(iu.predictor.input_spec) if iu.predictor is not None else []
    return Stage("implicit", iu, list(sys.given), list(sys.unknowns), list(sys.residuals), pred)


# ------------------------------------------------------------------------ parameters
@dataclass
class Promoted:
    """A parameter made a graph input: every ``(module, name)`` slot holding it."""

    name: str
    path: str
    slots: list[tuple[nn.Module, str]]

    @property
    def value(self) -> torch.Tensor:
        mod, name = self.slots[0]
        return mod._parameters[name]


def _parameter_table(model: nn.Module) -> dict[tuple[str, str], list[tuple[nn.Module, str]]]:
    """``(block, parameter) -> slots`` over the model tree (copies of one block share an entry)."""
    table: dict[tuple[str, str], list[tuple[nn.Module, str]]] = {}
    seen: set[int] = set()
    for prefix, mod in model.named_modules(remove_duplicate=False):
        if id(mod) in seen:
            continue
        seen.add(id(mod))
        block = getattr(mod, "_hit_name", None) or prefix or "model"
        for pname, p in mod._parameters.items():
            if p is not None:
                table.setdefault((block, pname), []).append((mod, pname))
    return table


def resolve_parameters(model: nn.Module, names: Sequence[str]) -> list[Promoted]:
    """``-p NAME`` -> promoted parameters; NAME is short (``E``), by block (``elasticity.E``) or the
    dotted ``named_parameters()`` path."""
    table = _parameter_table(model)
    full = dict(model.named_parameters())
    out: list[Promoted] = []
    for name in names:
        if "." in name:
            block, _, pname = name.rpartition(".")
            keys = [k for k in table if k == (block, pname)]
            if not keys and name in full:
                keys = [k for k, slots in table.items() if any(m._parameters[n] is full[name] for m, n in slots)]
        else:
            keys = [k for k in table if k[1] == name]
        if not keys:
            have = ", ".join(f"{b}.{p}" for b, p in table)
            raise InputError(f"no parameter named '{name}'; parameters: {have}")
        if len(keys) > 1:
            amb = ", ".join(f"{b}.{p}" for b, p in keys)
            raise InputError(f"parameter '{name}' is ambiguous ({amb}); name it by block, e.g. '{amb.split(',')[0]}'")
        ((block, pname),) = keys
        if any(p.name == name or p.path == f"{block}.{pname}" for p in out):
            raise InputError(f"parameter '{name}' is promoted twice")
        out.append(Promoted(name, f"{block}.{pname}", table[(block, pname)]))
    return out


@contextlib.contextmanager
def _swapped(promoted: Sequence[Promoted], values: Sequence[torch.Tensor]) -> Iterator[None]:
    """Put graph inputs in the slots of the promoted parameters for the duration of a call."""
    saved = []
    for p, v in zip(promoted, values, strict=True):
        for mod, name in p.slots:
            saved.append((mod, name, mod._parameters[name]))
            mod._parameters[name] = v
    try:
        yield
    finally:
        for mod, name, old in reversed(saved):
            mod._parameters[name] = old


@contextlib.contextmanager
def _frozen(model: nn.Module) -> Iterator[None]:
    """Parameters as constants while tracing (no autograd in the graphs)."""
    params = list(model.parameters())
    flags = [p.requires_grad for p in params]
    try:
        for p in params:
            p.requires_grad_(False)
        with torch.no_grad():
            yield
    finally:
        for p, f in zip(params, flags, strict=True):
            p.requires_grad_(f)


# ---------------------------------------------------------------------------- graphs
def _size(t: type[TensorWrapper]) -> int:
    return math.prod(t.BASE_SHAPE)


def _rows(t: TensorWrapper, N: Any, size: int) -> torch.Tensor:
    """A tangent ``(K, [batch], *base)`` as ``(K, N, size)``."""
    d = t.base_flatten()
    if t.dynamic_batch_ndim == 0:
        d = d.unsqueeze(1)
    return d.expand(d.shape[0], N, size)


def _values(w: TensorWrapper, N: Any) -> torch.Tensor:
    """An output value at canonical ``(N, *sub_batch, *base)``."""
    return w.data.expand(N, *w.sub_batch_shape, *w.BASE_SHAPE).contiguous()


class Segment(nn.Module):
    """A graph: ``forward(*tensors, *promoted)`` with the body evaluated on typed inputs."""

    def __init__(
        self,
        stage: Stage,
        kind: str,
        types: dict[str, type[TensorWrapper]],
        promoted: list[Promoted],
        batch: ExampleBatch | None = None,
    ):
        super().__init__()
        self.body = stage.model
        self.stage, self.kind, self.types, self.promoted = stage, kind, types, promoted
        self.batch = batch or ExampleBatch()
        #: the variables the graph takes positionally (then ``x`` for the implicit residual kinds)
        self.names = stage.predictor_inputs if kind == "predictor" else stage.inputs
        self.n_in = len(self.names) + (1 if stage.kind == "implicit" and kind != "predictor" else 0)

    def forward(self, *args: torch.Tensor) -> tuple[torch.Tensor, ...]:
        tensors, params = args[: self.n_in], args[self.n_in :]
        if not self.batch.dynamic_batch and self.kind in ("forward", "jacobian"):
            # explicit stages only: Newton calls the implicit graphs on subsets (unconverged or
            # substepped points)
            n, shape = self.batch.n, self.batch.dynamic
            torch._assert_async(
                torch.tensor(tensors[0].shape[0] == n),
                f"neml2: this model was compiled for a batch of exactly {n} points (example_batch_shape "
                f"{shape} with dynamic_batch = false); recompile with dynamic_batch = true for other sizes",
            )
        with _swapped(self.promoted, params):
            return getattr(self, f"_{self.kind}")(*tensors)

    def _typed(self, tensors: Sequence[torch.Tensor]) -> dict[str, TensorWrapper]:
        return {
            n: self.types[n](x, sub_batch_ndim=len(self.batch.sub_of(n)))
            for n, x in zip(self.names, tensors, strict=True)
        }

    def _forward(self, *tensors: torch.Tensor) -> tuple[torch.Tensor, ...]:
        ins = self._typed(tensors)
        out = self.body(*ins.values())
        out = out if isinstance(out, tuple) else (out,)
        N = tensors[0].shape[0]
        return tuple(_values(w, N) for w in out)

    def _jacobian(self, *tensors: torch.Tensor) -> tuple[torch.Tensor, ...]:
        ins = self._typed(tensors)
        N, x = tensors[0].shape[0], tensors[0]
        total = sum(_size(self.types[n]) for n in ins)
        v, off = {}, 0
        for n in ins:
            t = self.types[n]
            v[n] = {_LEAF: seeds(t, total=total, offset=off, dtype=x.dtype, device=x.device)}
            off += _size(t)
        *out, v_out = self.body(*ins.values(), v=v)
        blocks = []
        for name, w in zip(self.stage.outputs, out, strict=True):
            tan = v_out.get(name, {}).get(_LEAF)
            size = _size(type(w))
            if tan is None:
                blocks.append(x.new_zeros(N, size, total))
            else:
                blocks.append(_rows(tan, N, size).permute(1, 2, 0))
        return (*(_values(w, N) for w in out), torch.cat(blocks, dim=1).contiguous())

    def _predictor(self, *tensors: torch.Tensor) -> tuple[torch.Tensor, ...]:
        """The Newton guess ``x0 (N, n)``: the predictor's unknowns, zero for the others."""
        N, sys = tensors[0].shape[0], self.body.system
        guess = self.body._predict(self._typed(tensors))
        cols = []
        for u, size in zip(sys.unknowns, sys.unknown_sizes, strict=True):
            w = guess.get(u)
            cols.append(tensors[0].new_zeros(N, size) if w is None else _values(w, N).reshape(N, size))
        return (torch.cat(cols, dim=1).contiguous(),)

    def _residual(self, *tensors: torch.Tensor) -> tuple[torch.Tensor, ...]:
        *given, x = tensors
        r, J, _ = self.body._evaluate(self._typed(given), x)
        return r.contiguous(), J.contiguous()

    def _sensitivity(self, *tensors: torch.Tensor) -> tuple[torch.Tensor, ...]:
        *given, x = tensors
        N, n = x.shape
        ins = self._typed(given)
        total = sum(_size(self.types[k]) for k in ins)
        tangents, off = {}, 0
        for k in ins:
            t = self.types[k]
            s = seeds(t, total=total, offset=off, dtype=x.dtype, device=x.device)
            # seeds with the batch axis: the residual's tangents then always carry it
            s = s._new(s.data.unsqueeze(1).expand(total, N, *t.BASE_SHAPE))
            tangents[k] = {_LEAF: s}
            off += _size(t)
        _, _, rv = self.body._evaluate(ins, x, tangents)
        Jg = rv.get(_LEAF)
        if Jg is None:
            return (x.new_zeros(N, n, total),)
        return (Jg.expand(total, N, n).permute(1, 2, 0).contiguous(),)


def _example(
    t: type[TensorWrapper], n: int, dtype: torch.dtype, device: torch.device, sub: tuple[int, ...] = ()
) -> torch.Tensor:
    g = torch.Generator().manual_seed(n)
    x = 0.1 + torch.rand(n, *sub, *t.BASE_SHAPE, generator=g, dtype=torch.float64)
    return x.to(dtype=dtype, device=device)


def _compile_segment(
    seg: Segment, example: list[torch.Tensor], path: Path, meta: dict[str, str]
) -> tuple[float, float]:
    """torch.export (dynamic N shared by all tensor inputs) + AOTInductor packaging; returns timings."""
    import torch._inductor

    n_in = seg.n_in
    batch = torch.export.Dim("batch", min=1)
    shapes = tuple({0: batch} if i < n_in else None for i in range(len(example)))
    with warnings.catch_warnings():  # torch-internal deprecation noise
        warnings.filterwarnings("ignore", category=FutureWarning, message=".*LeafSpec.*")
        warnings.filterwarnings("ignore", category=DeprecationWarning, message=".*torch.jit.*")
        t0 = time.perf_counter()
        ep = torch.export.export(seg, tuple(example), dynamic_shapes=(shapes,), strict=False)
        t1 = time.perf_counter()
        opts = inductor_options()
        opts["aot_inductor.metadata"] = meta
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.stem + ".tmp.pt2")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        torch._inductor.aoti_compile_and_package(ep, package_path=str(tmp), inductor_configs=opts)
    os.replace(tmp, path)
    return t1 - t0, time.perf_counter() - t1


Job = tuple[Segment, list[torch.Tensor], Path, dict[str, str]]
_ERROR_CHARS = 8000  # a child's error text, kept well below a pipe's buffer


def compile_segments(jobs: list[Job], workers: int | None = None) -> list[tuple[float, float]]:
    """Compile every job (``_compile_segment``), ``workers`` at a time in forked children (default:
    one per core; serial without ``os.fork`` or for a single job).  Returns the timings in order;
    the first failure is raised in the parent once every child has finished."""
    import torch._inductor  # noqa: F401  (imported once, shared by the children)

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    workers = max(1, min(workers or cores, len(jobs)))
    if workers == 1 or not hasattr(os, "fork"):
        return [_compile_segment(*job) for job in jobs]
    results: dict[int, tuple[float, float]] = {}
    errors: list[tuple[int, str, str]] = []
    running: dict[int, tuple[int, int]] = {}  # pid -> (job, read end of its pipe)
    pending = list(range(len(jobs)))
    while pending or running:
        while pending and len(running) < workers:
            i = pending.pop(0)
            r, w = os.pipe()
            pid = os.fork()
            if pid == 0:  # pragma: no cover - the child (coverage does not follow forks)
                code = 1
                try:  # whatever happens, the child ends here and never returns into the parent's code
                    os.close(r)
                    try:
                        torch.set_num_threads(1)
                        msg, code = json.dumps({"timings": _compile_segment(*jobs[i])}), 0
                    except BaseException as e:  # noqa: BLE001 - reported to the parent
                        msg = json.dumps({"type": type(e).__name__, "error": str(e)[-_ERROR_CHARS:]})
                    with os.fdopen(w, "w") as fh:
                        fh.write(msg)
                finally:
                    os._exit(code)
            os.close(w)
            running[pid] = (i, r)
        done = [pid for pid in running if os.waitpid(pid, os.WNOHANG)[0] == pid]
        if not done:
            time.sleep(0.02)
        for pid in done:
            i, r = running.pop(pid)
            with os.fdopen(r) as fh:
                text = fh.read()
            try:
                msg = json.loads(text)
            except ValueError:
                msg = {"type": "RuntimeError", "error": "the compile worker died without a result"}
            if "timings" in msg:
                results[i] = tuple(msg["timings"])
            else:
                errors.append((i, msg["type"], msg["error"]))
    if errors:
        i, kind, err = min(errors)
        where = f"compiling {jobs[i][2].name}"
        raise (InputError if kind == "InputError" else RuntimeError)(f"{where}: {err}")
    return [results[i] for i in range(len(jobs))]


def _var(t: type[TensorWrapper], sub: Sequence[int] = ()) -> dict[str, Any]:
    """A variable's entry: ``base_shape`` is the per-point shape the graphs take, ``(*sub_batch, *base)``."""
    out: dict[str, Any] = {"type": t.__name__, "base_shape": [*sub, *t.BASE_SHAPE]}
    if sub:
        out["sub_batch_shape"] = list(sub)
    return out


def _sub_batches(
    model: nn.Module,
    stages: list[Stage],
    types: dict[str, type[TensorWrapper]],
    batch: ExampleBatch,
    derivatives: bool,
    dtype: torch.dtype,
    device: torch.device,
) -> dict[str, tuple[int, ...]]:
    """The sub-batch shape of every variable: the declared ones of the inputs, the outputs' from an
    eager evaluation at the example batch.  Sub-batched variables are compiled for ``forward`` of
    explicit models only (``-d`` or an implicit stage touching one is refused)."""
    subs = {n: batch.sub_of(n) for n in model.input_spec if batch.sub_of(n)}
    if not subs:
        return {}
    where = ", ".join(f"'{n}' {s}" for n, s in subs.items())
    if any(s.kind == "implicit" for s in stages):
        raise InputError(
            f"the model involves the sub-batched variable(s) {where} and an ImplicitUpdate; compiling an "
            "implicit model with sub-batch axes is not implemented (run it eagerly)"
        )
    if derivatives:
        raise InputError(
            f"-d: the derivatives involve the sub-batched variable(s) {where}; not implemented for the "
            "compiled route (use the eager model's jvp / jacobian)"
        )
    n = batch.trace_n
    ins = [
        t(_example(t, n, dtype, device, subs.get(k, ())), sub_batch_ndim=len(subs.get(k, ())))
        for k, t in model.input_spec.items()
    ]
    out = model(*ins)
    out = out if isinstance(out, tuple) else (out,)
    for k, w in zip(model.output_spec, out, strict=True):
        if w.sub_batch_ndim:
            subs[k] = tuple(w.sub_batch_shape)
    return subs


def stage_types(model: nn.Module, stages: list[Stage]) -> dict[str, type[TensorWrapper]]:
    """Type of every variable read or written by a stage (plus the model's inputs / outputs)."""
    types: dict[str, type[TensorWrapper]] = {**model.input_spec}
    for s in stages:
        spec_in = s.model.system.model.input_spec if s.kind == "implicit" else s.model.input_spec
        for n in s.inputs:
            types.setdefault(n, spec_in[n])
        for n in s.predictor_inputs:
            types.setdefault(n, s.model.predictor.input_spec[n])
        types.update({n: t for n, t in s.model.output_spec.items() if n in s.outputs})
    types.update(model.output_spec)
    for t in types.values():
        if not isinstance(t, type) or not issubclass(t, TensorWrapper):
            raise InputError(f"cannot export a variable of type {t!r}")
    return types


def export_model(
    model: nn.Module,
    folder: str | Path,
    *,
    parameters: Sequence[str] = (),
    dtype: torch.dtype | None = None,
    device: torch.device | str | None = None,
    derivatives: bool = True,
    jobs: int | None = None,
    log: Callable[[str], None] | None = None,
    batch: ExampleBatch | None = None,
    name: str | None = None,
) -> dict[str, Any]:
    """Export ``model`` into ``folder`` (the ``<device>/<dtype>`` level); the model must already live
    on ``device`` in ``dtype`` (default: those of its first parameter).  ``derivatives``: also the
    Jacobian / sensitivity segments (for ``jvp`` and ``jacobian``); ``jobs``: parallel compiles
    (default: one per core); ``batch``: the example batch traced (default: 8 points, dynamic);
    ``name``: the model's name in the segment files (default: the folder two levels up).

    Returns the device-independent part of the metadata plus ``timings`` per segment."""
    folder = Path(folder)
    batch = batch or ExampleBatch()
    name = name or folder.parent.parent.name or "model"
    stages = split_stages(model)
    types = stage_types(model, stages)
    promoted = resolve_parameters(model, parameters)
    ref = next(iter(model.parameters()), None)
    ref = ref if ref is not None else next(iter(model.buffers()), torch.zeros(()))
    dtype = dtype or ref.dtype
    device = torch.device(device) if device is not None else ref.device
    entries, jobs_list = [], []
    N = batch.trace_n
    with _frozen(model):
        subs = _sub_batches(model, stages, types, batch, derivatives, dtype, device)
        batch = ExampleBatch(batch.dynamic, subs, batch.dynamic_batch)
        pvals = [p.value.detach().clone() for p in promoted]
        for k, st in enumerate(stages):
            value, derivative = SEGMENTS[st.kind]
            prefix = name if len(stages) == 1 else f"{name}_seg{k}"
            kinds = {
                kind: f"{prefix}{SEGMENT_SUFFIX[kind]}.pt2"
                for kind in ((value, derivative) if derivatives else (value,))
            }
            if st.kind == "explicit":
                entry = {"kind": "explicit", "inputs": st.inputs, "outputs": st.outputs}
            else:
                entry = {"kind": "implicit", "given": st.inputs, "unknowns": st.outputs, "residuals": st.residuals}
                entry.update(st.model.substep_metadata())  # adaptive substepping (runtime.py)
            if st.predictor_inputs:  # the Newton guess, a graph of its own
                kinds["predictor"] = f"{prefix}{SEGMENT_SUFFIX['predictor']}.pt2"
                entry["predictor_inputs"] = st.predictor_inputs
            entry["segments"] = kinds
            entries.append(entry)
            for kind, fname in kinds.items():
                seg = Segment(st, kind, types, promoted, batch)
                example = [_example(types[n], N, dtype, device, batch.sub_of(n)) for n in seg.names]
                if seg.n_in > len(seg.names):  # x of the residual kinds
                    n = sum(_size(types[u]) for u in st.outputs)
                    example.append(torch.zeros(N, n, dtype=dtype, device=device))
                meta = {
                    "neml2.segment": fname,
                    "neml2.inputs": ",".join(seg.names + (["x"] if seg.n_in > len(seg.names) else [])),
                    "neml2.parameters": ",".join(p.name for p in promoted),
                }
                jobs_list.append((seg, example + pvals, folder / fname, meta))
        timings = {}
        for (_, _, path, _), (t_exp, t_comp) in zip(jobs_list, compile_segments(jobs_list, jobs), strict=True):
            timings[path.name] = {"export_s": round(t_exp, 3), "compile_s": round(t_comp, 3)}
            if log is not None:
                log(f"  {folder.parent.name}/{folder.name}/{path.name}: export {t_exp:.1f} s, compile {t_comp:.1f} s")
    return {
        "inputs": [{"name": n, **_var(t, subs.get(n, ()))} for n, t in model.input_spec.items()],
        "outputs": [{"name": n, **_var(t, subs.get(n, ()))} for n, t in model.output_spec.items()],
        "parameters": [
            {"name": p.name, "path": p.path, "shape": list(v.shape), "value": v.flatten().tolist()}
            for p, v in zip(promoted, pvals, strict=True)
        ],
        "solver": solver_config(stages),
        "stages": entries,
        "variables": {n: _var(t, subs.get(n, ())) for n, t in types.items()},
        "batch": {"example_batch_shape": list(batch.dynamic), "dynamic_batch": batch.dynamic_batch},
        "timings": timings,
    }


def solver_config(stages: list[Stage]) -> dict[str, Any]:
    """The Newton settings of the first implicit stage (the defaults of Newton when there is none)."""
    from neml2.solvers.newton_config import NewtonConfig

    solver = next((s.model.solver for s in stages if s.kind == "implicit"), None)
    return (NewtonConfig() if solver is None else NewtonConfig.from_solver(solver)).to_metadata()


# -------------------------------------------------------------------- from a file
@lru_cache(maxsize=1)
def _sources_digest() -> str:
    """Digest of the neml2 sources (once per process): changed model code recompiles."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for f in sorted(root.rglob("*.py")):
        h.update(str(f.relative_to(root)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def content_hash(
    text: str, model: str, devices: Sequence[str], dtype: str, parameters: Sequence[str], derivatives: bool
) -> str:
    """What decides the artifacts: input text, options, compile settings, torch and neml2 code."""
    h = hashlib.sha256()
    for part in (
        text,
        model,
        ",".join(devices),
        dtype,
        ",".join(parameters),
        str(derivatives),
        json.dumps(inductor_options(), sort_keys=True),
        torch.__version__,
        str(SCHEMA_VERSION),
        _sources_digest(),
    ):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()


def device_folder(device: str | torch.device) -> str:
    """Artifact subfolder of a device: its type (``cpu``, ``cuda``)."""
    return torch.device(device).type


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Exclusive lock on an artifact folder (parallel test workers compile the same model)."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    with open(folder / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _up_to_date(meta_path: Path, digest: str) -> bool:
    try:
        meta = json.loads(meta_path.read_text())
    except (OSError, ValueError):
        return False
    if meta.get("hash") != digest:
        return False
    folder = meta_path.parent
    for dev in meta["devices"]:
        for st in meta["stages"]:
            for fname in st["segments"].values():
                if not (folder / dev / meta["dtype"] / fname).is_file():
                    return False
    return True


@dataclass
class CompileResult:
    meta_path: Path
    skipped: bool
    metadata: dict[str, Any]


def compile_file(
    input_file: str | Path,
    model: str,
    output_dir: str | Path = "aoti",
    *,
    devices: Sequence[str] = ("cpu",),
    dtype: str = "float64",
    parameters: Sequence[str] = (),
    derivatives: Sequence[str] = (),
    force: bool = False,
    jobs: int | None = None,
    log: Callable[[str], None] | None = None,
    overrides: Sequence[str] = (),
    renames: Mapping[str, Mapping[str, str]] | None = None,
) -> CompileResult:
    """Compile model ``model`` of ``input_file`` into ``output_dir/model``; reuses the artifacts when
    the content hash (input text, options, torch, neml2 sources) is unchanged.  Without
    ``derivatives`` (``-d OUT:IN`` pairs) only the evaluation segments are compiled (``forward``);
    with any pair, the derivative segments too (``jvp`` / ``jacobian`` of every pair).
    ``overrides``: HIT overrides applied to the input file; ``renames``: the boundary renames
    ``{"inputs" | "outputs" | "parameters": {original: new}}`` (``boundary_aliases``)."""
    from neml2.factory import load_input
    from neml2.placement import cast

    if dtype not in DTYPES:
        raise InputError(f"invalid dtype {dtype!r}; valid choices: {', '.join(DTYPES)}")
    input_file = Path(input_file)
    text = input_file.read_text()
    devs = list(dict.fromkeys(device_folder(d) for d in devices))
    for d in devs:
        if d == "cuda" and not torch.cuda.is_available():
            raise InputError("device 'cuda' is not available (torch.cuda.is_available() is False)")
    factory = load_input(str(input_file), additional_args=list(overrides))
    probe = factory.get_model(model)  # options are checked even when cached
    batch = example_batch(factory, probe)
    _check_derivatives(probe, derivatives)
    promoted = resolve_parameters(probe, parameters)
    split_stages(probe)
    aliases = check_renames(probe, promoted, renames or {})
    extra = json.dumps({"overrides": list(overrides), "boundary_aliases": aliases}, sort_keys=True)
    digest = content_hash(text + "\0" + extra, model, devs, dtype, parameters, bool(derivatives))
    folder = Path(output_dir) / model
    meta_path = folder / "metadata.json"
    with _locked(folder):
        if not force and _up_to_date(meta_path, digest):
            if log is not None:
                log(f"{meta_path}: up to date (hash {digest[:12]}), nothing to compile")
            return CompileResult(meta_path, True, json.loads(meta_path.read_text()))
        meta: dict[str, Any] = {}
        timings: dict[str, Any] = {}
        start = time.perf_counter()
        for dev in devs:
            m = load_input(str(input_file), additional_args=list(overrides)).get_model(model)
            cast(m, torch.device(dev), DTYPES[dtype])
            if log is not None:
                log(f"compiling model '{model}' of {input_file} for {dev}/{dtype}")
            part = export_model(
                m,
                folder / dev / dtype,
                parameters=parameters,
                dtype=DTYPES[dtype],
                device=dev,
                derivatives=bool(derivatives),
                jobs=jobs,
                log=log,
                batch=batch,
                name=model,
            )
            timings.update({f"{dev}/{dtype}/{k}": v for k, v in part.pop("timings").items()})
            meta = part
            listed = {f for st in part["stages"] for f in st["segments"].values()}
            for stale in (folder / dev / dtype).glob("*.pt2"):  # of an earlier compile of another layout
                if stale.name not in listed:
                    stale.unlink()
        out = {
            "schema_version": SCHEMA_VERSION,
            "model": model,
            "source": str(input_file),
            "hash": digest,
            "torch_version": torch.__version__,
            "dtype": dtype,
            "devices": devs,
            **meta,
            "derivatives": list(derivatives),
            "compile_seconds": timings,
            "compile_wall_s": round(time.perf_counter() - start, 3),
        }
        if any(aliases.values()):
            relabel(out, aliases)
        tmp = meta_path.with_name("metadata.json.tmp")
        tmp.write_text(json.dumps(out, indent=2) + "\n")
        os.replace(tmp, meta_path)
    return CompileResult(meta_path, False, out)


def _check_derivatives(model: nn.Module, derivatives: Sequence[str]) -> None:
    """``-d OUT:IN`` pairs must name an output and an input (empty side: all)."""
    for d in derivatives:
        out, sep, inp = d.partition(":")
        if not sep:
            raise InputError(f"derivative '{d}' must be OUT:IN (e.g. stress:strain, or ':' for all)")
        if out and out not in model.output_spec:
            raise InputError(f"derivative '{d}': '{out}' is not an output ({', '.join(model.output_spec)})")
        if inp and inp not in model.input_spec:
            raise InputError(f"derivative '{d}': '{inp}' is not an input ({', '.join(model.input_spec)})")


# ------------------------------------------------------------------ boundary renames
RENAME_KINDS = ("inputs", "outputs", "parameters")


def check_renames(
    model: nn.Module, promoted: Sequence[Promoted], renames: Mapping[str, Mapping[str, str]]
) -> dict[str, dict[str, str]]:
    """Validate ``--rename-input/-output/-parameter`` maps: each original is a model input, output
    or promoted parameter (named as in ``-p`` or by its block path), and the resulting boundary
    names stay unique.  Returns ``{"inputs", "outputs", "parameters": {original: new}}`` with the
    parameters keyed by their reported (``-p``) names."""
    unknown = set(renames) - set(RENAME_KINDS)
    if unknown:
        raise InputError(f"unknown rename kind(s) {', '.join(sorted(unknown))}; valid: {', '.join(RENAME_KINDS)}")
    have = {
        "inputs": list(model.input_spec),
        "outputs": list(model.output_spec),
        "parameters": [p.name for p in promoted],
    }
    flag = {"inputs": "--rename-input", "outputs": "--rename-output", "parameters": "--rename-parameter"}
    out: dict[str, dict[str, str]] = {k: {} for k in RENAME_KINDS}
    for kind in RENAME_KINDS:
        for orig, new in (renames.get(kind) or {}).items():
            if kind == "parameters":
                match = [p.name for p in promoted if orig in (p.name, p.path)]
                if not match:
                    what = ", ".join(have["parameters"]) or "none: promote one with -p NAME"
                    raise InputError(f"{flag[kind]} {orig}:{new}: '{orig}' is not a promoted parameter ({what})")
                orig = match[0]
            elif orig not in have[kind]:
                raise InputError(
                    f"{flag[kind]} {orig}:{new}: '{orig}' is not an {kind[:-1]} of the model ({', '.join(have[kind])})"
                )
            if not new or any(c.isspace() for c in new):
                raise InputError(f"{flag[kind]} {orig}:{new}: the new name must be non-empty without spaces")
            if orig in out[kind]:
                raise InputError(f"{flag[kind]}: '{orig}' is renamed twice")
            out[kind][orig] = new
    # the boundary names: variables share one namespace (the runtime state), parameters another
    # (a variable both read and written by the model is one name, renamed as either)
    var = {**out["outputs"], **out["inputs"]}
    both = [n for n in have["inputs"] if n in have["outputs"] and out["inputs"].get(n, n) != out["outputs"].get(n, n)]
    if both:
        raise InputError(f"'{both[0]}' is both an input and an output of the model: rename it the same way as both")
    final_vars = [var.get(n, n) for n in dict.fromkeys(have["inputs"] + have["outputs"])]
    final_params = [out["parameters"].get(n, n) for n in have["parameters"]]
    for label, names in (("variable", final_vars), ("parameter", final_params)):
        seen: set[str] = set()
        for n in names:
            if n in seen:
                raise InputError(f"renaming makes the {label} name '{n}' appear twice at the model's boundary")
            seen.add(n)
    return out


def _fresh(name: str, taken: set[str]) -> str:
    k = 1
    while f"{name}#{k}" in taken:
        k += 1
    return f"{name}#{k}"


def relabel(meta: dict[str, Any], aliases: Mapping[str, Mapping[str, str]]) -> None:
    """Apply boundary renames to the metadata in place and record them as ``boundary_aliases``.

    The graphs take their tensors positionally, so the names in the metadata only label the
    runtime's state: a renamed variable is relabeled wherever the metadata lists it (the values and
    graphs are untouched), and an internal variable that already carries a new name moves aside to
    a fresh label.  Promoted parameters keep their ``path``."""
    var = {**aliases.get("inputs", {}), **aliases.get("outputs", {})}
    names = set(meta["variables"])
    new_names = set(var.values())
    for n in sorted(names):
        if n in new_names and n not in var:  # an internal variable in the way of a new name
            var[n] = _fresh(n, names | new_names)
            names.add(var[n])

    def r(n: str) -> str:
        return var.get(n, n)

    for key in ("inputs", "outputs"):
        for v in meta[key]:
            v["name"] = r(v["name"])
    meta["variables"] = {r(n): v for n, v in meta["variables"].items()}
    for st in meta["stages"]:
        for key in ("inputs", "outputs", "given", "unknowns", "predictor_inputs"):
            if key in st:
                st[key] = [r(n) for n in st[key]]
        if "substepping" in st:  # the ramp's old values read from the runtime state, by name
            st["substepping"]["old_inputs"] = [r(n) for n in st["substepping"]["old_inputs"]]
    pmap = aliases.get("parameters", {})
    for p in meta["parameters"]:
        p["name"] = pmap.get(p["name"], p["name"])
    meta["boundary_aliases"] = {k: dict(aliases.get(k, {})) for k in RENAME_KINDS}
