"""Export a model to AOTInductor artifacts: a chain of stages, each compiled into ``.pt2`` segments.

The format is the contract of ``docs/aoti_artifacts.md``: explicit stages compile a forward graph,
an ``ImplicitUpdate`` its residual (with ``dr/dx``, for Newton); with derivatives (``-d``) explicit
stages add a dense-Jacobian graph and implicit ones their sensitivity ``dr/d(given)``.  The Newton
loop and the chaining of stage Jacobians run in the runtime.  Segments compile in parallel
(forked workers, one per core): most of a segment's time is the C++ compile of its wrapper.
Every graph takes its tensors positionally at ``(N, *base)`` with one dynamic batch axis ``N``,
followed by the promoted parameters; every other parameter is baked as a constant.

This module assembles the segments and the metadata (``export_model``) and compiles an input file
(``compile_file``); the parts live beside it: ``batch_settings`` (the traced example batch),
``stages`` (the chain), ``parameters`` (promoted parameters), ``segments`` (the graphs),
``inductor`` (torch.export + AOTInductor, the parallel compile), ``artifact_cache`` (content hash,
folders, lock) and ``renames`` (boundary renames); their public names are importable from here.
"""

from __future__ import annotations

import json
import math
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

from neml2.aoti.artifact_cache import _locked, _up_to_date, content_hash, device_folder
from neml2.aoti.batch_settings import ExampleBatch, example_batch
from neml2.aoti.inductor import compile_segments, inductor_options
from neml2.aoti.parameters import Promoted, _frozen, _parameter_table, resolve_parameters
from neml2.aoti.renames import RENAME_KINDS, check_renames, relabel
from neml2.aoti.runtime import SCHEMA_VERSION, SEGMENTS
from neml2.aoti.segments import Segment, _example
from neml2.aoti.stages import Stage, split_stages
from neml2.errors import InputError
from neml2.types import TensorWrapper

__all__ = [  # this module's own, then the re-exports of the split-out modules (imported from here)
    "DTYPES",
    "SEGMENT_SUFFIX",
    "CompileResult",
    "compile_file",
    "export_model",
    "solver_config",
    "stage_types",
    "ExampleBatch",
    "Promoted",
    "RENAME_KINDS",
    "Segment",
    "Stage",
    "check_renames",
    "compile_segments",
    "content_hash",
    "device_folder",
    "example_batch",
    "inductor_options",
    "relabel",
    "resolve_parameters",
    "split_stages",
    "_parameter_table",
]

DTYPES = {"float64": torch.float64, "float32": torch.float32}
#: segment kind -> file name suffix after ``<name>`` / ``<name>_seg<k>`` (docs/aoti_artifacts.md)
SEGMENT_SUFFIX = {
    "forward": "",
    "jacobian": "_jvp",
    "residual": "_residual",
    "sensitivity": "_jacobian_given",
    "predictor": "_predictor",
}


def _var(t: type[TensorWrapper], sub: Sequence[int] = ()) -> dict[str, Any]:
    """A variable's entry: ``base_shape`` is the per-point shape the graphs take, ``(*sub_batch, *base)``."""
    out: dict[str, Any] = {"type": t.__name__, "base_shape": [*sub, *t.BASE_SHAPE]}
    if sub:
        out["sub_batch_shape"] = list(sub)
    return out


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
        subs = batch.boundary_sub(model, dtype, device)
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
                layout = st.model.system.site_layout
                if layout is not None:  # the Newton Jacobian per site (solvers/site_blocks.py)
                    entry["site_blocks"] = layout.to_metadata()
            if st.predictor_inputs:  # the Newton guess, a graph of its own
                kinds["predictor"] = f"{prefix}{SEGMENT_SUFFIX['predictor']}.pt2"
                entry["predictor_inputs"] = st.predictor_inputs
            entry["segments"] = kinds
            entries.append(entry)
            for kind, fname in kinds.items():
                seg = Segment(st, kind, types, promoted, batch)
                example = [_example(types[n], N, dtype, device, batch.sub_of(n), n) for n in seg.names]
                if seg.n_in > len(seg.names):  # x of the residual kinds
                    n = sum(st.model.system.unknown_sizes)  # with the unknowns' sites
                    example.append(torch.zeros(N, n, dtype=dtype, device=device))
                meta = {
                    "neml2.segment": fname,
                    "neml2.inputs": ",".join(seg.names + (["x"] if seg.n_in > len(seg.names) else [])),
                    "neml2.parameters": ",".join(p.name for p in promoted),
                }
                if kind == "residual" and st.model.system.site_layout is not None:
                    _check_sites(seg, example + pvals)
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


def _check_sites(seg: Segment, example: list[torch.Tensor]) -> None:
    """A ``block`` group's residuals must be site-local: checked on the example before tracing (the
    traced graph keeps only the blocks, and a probe of its values cannot run under the trace)."""
    system = seg.stage.model.system
    with torch.no_grad():
        seg(*example)
    L = system.site_layout
    if math.prod(L.sites) > 1 and getattr(system, "_sites_checked", None) is not L:
        raise InputError(
            f"{seg.stage.model._where.get('block', 'ImplicitUpdate')}: the 'block' structure of its system could not "
            "be checked at the example point (non-finite tangents); the per-site Jacobian cannot be compiled unchecked"
        )


def solver_config(stages: list[Stage]) -> dict[str, Any]:
    """The Newton settings of the first implicit stage (the defaults of Newton when there is none)."""
    from neml2.solvers.newton_config import NewtonConfig

    solver = next((s.model.solver for s in stages if s.kind == "implicit"), None)
    return (NewtonConfig() if solver is None else NewtonConfig.from_solver(solver)).to_metadata()


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
