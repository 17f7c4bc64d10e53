"""PyModel: the pure-Python reference runtime over ``neml2-compile`` artifacts.

Same API as the C++ ``neml2.aoti.Model`` (and its fallback when the extension is not built):
``forward`` / ``jvp`` / ``jacobian`` keyed by variable names, promoted parameters as mutable
slots, Newton per point for implicit stages (docs/aoti_artifacts.md).
"""

from __future__ import annotations

import json
import logging
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import torch

from neml2.aoti.boundary import RuntimeBoundary
from neml2.aoti.errors import ConvergenceError, FatalError
from neml2.errors import InputError
from neml2.models.common.substepping import SubStep, assemble_steps, bisect, solve_partial
from neml2.solvers.dense_lu import dense_solve
from neml2.solvers.newton_config import NewtonConfig
from neml2.solvers.site_blocks import SiteBlockJacobian, SiteLayout

SCHEMA_VERSION = 5
_DTYPES = {"float64": torch.float64, "float32": torch.float32}
LS_TYPES = ("NONE", "BACKTRACKING", "STRONG_WOLFE")
#: stage kind -> (the segment evaluation needs, the segment derivatives need: compiled with ``-d``)
SEGMENTS = {"explicit": ("forward", "jacobian"), "implicit": ("residual", "sensitivity")}


#: points a graph runs on at once (the C++ runtime's POINT_CHUNK): the graphs are pointwise, and a
#: chunk's intermediates stay in cache (2-4x faster at 10^5 points than one call)
POINT_CHUNK = 4096


def run_points(graph: Any, args: Sequence[torch.Tensor], batched: int) -> list[torch.Tensor]:
    """``graph(*args)`` over ``POINT_CHUNK`` points at a time: the first ``batched`` arguments split
    along their batch axis, the others (the parameters) passed whole; the outputs concatenated."""
    N = args[0].shape[0] if batched else 0
    if N <= POINT_CHUNK:
        return list(graph(*args))
    parts = []
    for i in range(0, N, POINT_CHUNK):
        parts.append(graph(*(a[i : i + POINT_CHUNK] if j < batched else a for j, a in enumerate(args))))
    return [torch.cat(p) for p in zip(*parts, strict=True)]


class _PortableIsaFilter(logging.Filter):
    """Drop torch's load-time warning that a portable artifact (no vector ISA) differs from the host."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.args and "AOTI_CPU_ISA" in record.args and "INVALID_VEC_ISA" in record.args)


logging.getLogger("torch.export.pt2_archive._package").addFilter(_PortableIsaFilter())


def metadata_path(path: str | Path) -> Path:
    """The metadata JSON of an artifact: ``path`` itself or ``path/metadata.json``."""
    p = Path(path)
    p = p / "metadata.json" if p.is_dir() else p
    if not p.is_file():
        raise FatalError(f"no compiled model at {path} (expected a metadata.json or its folder)")
    return p


class _Stage:
    """One stage with its loaded segments."""

    def __init__(self, entry: dict[str, Any], folder: Path, sizes: dict[str, int]) -> None:
        import torch._inductor

        self.kind = entry["kind"]
        self.predictor_inputs = list(entry.get("predictor_inputs", []))
        if self.kind == "explicit":
            self.inputs, self.outputs = list(entry["inputs"]), list(entry["outputs"])
        elif self.kind == "implicit":
            self.inputs, self.outputs = list(entry["given"]), list(entry["unknowns"])
        else:
            raise FatalError(f"unknown stage kind {self.kind!r} in the metadata")
        #: adaptive substepping of an implicit stage (ImplicitUpdate.substep_metadata), None without
        self.substep = entry.get("substepping") if self.kind == "implicit" else None
        self.old_inputs = list(self.substep["old_inputs"]) if self.substep else []
        #: the per-site Newton Jacobian of an implicit stage of ``block`` groups, None when dense
        blocks = entry.get("site_blocks") if self.kind == "implicit" else None
        self.layout = SiteLayout.from_metadata(blocks) if blocks else None
        self.in_sizes = [sizes[n] for n in self.inputs]
        self.out_sizes = [sizes[n] for n in self.outputs]
        self.n = sum(self.out_sizes)
        self.graphs = {}
        for kind, fname in entry["segments"].items():
            f = folder / fname
            if not f.is_file():
                raise FatalError(f"missing segment {f}; recompile with neml2-compile")
            self.graphs[kind] = torch._inductor.aoti_load_package(str(f))
        value, derivative = SEGMENTS[self.kind]
        if value not in self.graphs:
            raise FatalError(f"{folder}: a {self.kind} stage lacks its '{value}' segment")
        self.has_derivatives = derivative in self.graphs

    def jacobian(self, parts: Any) -> Any:
        """The residual graph's ``dr/dx`` outputs: the dense ``(N, n, n)``, or the per-site blocks as a
        SiteBlockJacobian."""
        return SiteBlockJacobian(self.layout, *parts) if self.layout is not None else parts[0]

    def residual(self, *args: torch.Tensor) -> tuple[torch.Tensor, Any]:
        """``r (N, n)`` and ``dr/dx`` (``jacobian``) of the stage's residual graph."""
        r, *J = run_points(self.graphs["residual"], args, len(self.inputs) + 1)
        return r, self.jacobian(J)

    def solve(self, J: Any, b: torch.Tensor, what: str) -> torch.Tensor:
        """``J^{-1} b`` for ``b (N, n, p)``: per-site LU then the Schur complement, or one dense LU."""
        return J.solve(b) if isinstance(J, SiteBlockJacobian) else dense_solve(J, b, what)


class PointwiseLU:
    """The Newton solve of the C++ runtime: libneml2's ``solve_points`` itself when the extension is
    built, else the same elimination vectorized over the points (partial pivoting on the first
    largest ``|pivot|``, the same operation order), so both runtimes take bitwise the same steps.
    A per-site Jacobian is solved by its blocks' LU (``direct``), as the C++ runtime does."""

    direct = True

    def solve(self, J: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        try:
            from neml2.aoti._aoti import solve_points  # type: ignore[import-not-found]

            return solve_points(J, b)
        except (ImportError, FatalError, ConvergenceError):  # no extension, not a CPU system, singular
            return self.vectorized(J, b)

    @staticmethod
    def vectorized(J: torch.Tensor, b: torch.Tensor) -> torch.Tensor:
        """The elimination as torch ops on all points at once; a zero pivot is a ConvergenceError
        naming the singular points."""
        N, n = b.shape
        A = torch.cat([J, b.unsqueeze(-1)], dim=-1)  # (N, n, n + 1), a copy
        pts = torch.arange(N, device=b.device)
        for k in range(n):
            piv = k + A[:, k:, k].abs().argmax(dim=1)
            zero = A[pts, piv, k] == 0
            if bool(zero.any()):
                raise ConvergenceError("singular Jacobian", failed=zero.nonzero().squeeze(-1), reason="singular")
            row = A[pts, piv].clone()
            A[pts, piv] = A[:, k].clone()
            A[:, k] = row
            f = A[:, k + 1 :, k] / A[:, k : k + 1, k]
            A[:, k + 1 :, k + 1 :] -= f.unsqueeze(-1) * A[:, k : k + 1, k + 1 :]
        x = b.new_empty(N, n)
        for i in reversed(range(n)):
            v = A[:, i, n]
            for j in range(i + 1, n):
                v = v - A[:, i, j] * x[:, j]
            x[:, i] = v / A[:, i, i]
        return x


class PyModel(RuntimeBoundary):
    """A compiled model: ``PyModel(metadata.json or its folder, device=None)``.

    ``device`` picks the ``<device>/`` subfolder (default: the first compiled device); the dtype is
    the compiled one.  Inputs are ``(*B, *base)`` tensors with at least one batch axis; batch shapes
    broadcast to a common ``B``."""

    def __init__(self, path: str | Path, device: str | torch.device | None = None) -> None:
        meta_path = metadata_path(path)
        try:
            meta = json.loads(meta_path.read_text())
        except ValueError as e:
            raise FatalError(f"{meta_path}: not valid JSON ({e})") from None
        if meta.get("schema_version") != SCHEMA_VERSION:
            raise FatalError(
                f"{meta_path}: schema_version {meta.get('schema_version')}, this runtime reads {SCHEMA_VERSION}; "
                "recompile with neml2-compile"
            )
        devices = list(meta["devices"])
        dev = devices[0] if device is None else torch.device(device).type
        if dev not in devices:
            raise FatalError(f"{meta_path}: not compiled for device '{dev}' (compiled: {', '.join(devices)})")
        if meta["dtype"] not in _DTYPES:
            raise FatalError(f"{meta_path}: unsupported dtype {meta['dtype']!r}")
        self._meta = meta
        self._device = torch.device(dev)
        self._dtype = _DTYPES[meta["dtype"]]
        self._base = {n: tuple(v["base_shape"]) for n, v in meta["variables"].items()}
        self._size = {n: math.prod(s) for n, s in self._base.items()}
        self._inputs = [v["name"] for v in meta["inputs"]]
        self._outputs = [v["name"] for v in meta["outputs"]]
        self._params: dict[str, torch.Tensor] = {
            p["name"]: torch.tensor(p["value"], dtype=self._dtype, device=self._device).reshape(p["shape"])
            for p in meta["parameters"]
        }
        folder = meta_path.parent / dev / meta["dtype"]
        self._stages = [_Stage(e, folder, self._size) for e in meta["stages"]]
        self._meta_path = meta_path
        self.set_solver_config(*NewtonConfig.from_metadata(meta.get("solver", {})).args())

    # ------------------------------------------------------------------ properties
    @property
    def input_base_shapes(self) -> dict[str, list[int]]:
        return {n: list(self._base[n]) for n in self._inputs}

    @property
    def output_base_shapes(self) -> dict[str, list[int]]:
        return {n: list(self._base[n]) for n in self._outputs}

    @property
    def device(self) -> torch.device:
        return self._device

    @property
    def dtype(self) -> torch.dtype:
        return self._dtype

    @property
    def has_derivatives(self) -> bool:
        """Whether jvp / jacobian are available (compiled with ``neml2-compile -d``)."""
        return all(st.has_derivatives for st in self._stages)

    # ------------------------------------------------------------------ parameters
    def named_parameters(self) -> dict[str, torch.Tensor]:
        """The promoted parameters; the tensors are the slots passed to the graphs."""
        return dict(self._params)

    def set_parameter(self, name: str, value: torch.Tensor) -> None:
        """Replace a promoted parameter's slot (same shape, dtype and device)."""
        if name not in self._params:
            have = ", ".join(self._params) or "(none: compile with --parameter NAME)"
            raise FatalError(f"no promoted parameter '{name}'; promoted: {have}")
        old = self._params[name]
        self._check_tensor(f"parameter '{name}'", value)
        if tuple(value.shape) != tuple(old.shape):
            raise FatalError(f"parameter '{name}' has shape {tuple(old.shape)}, got {tuple(value.shape)}")
        self._params[name] = value

    @property
    def solver_config(self) -> dict[str, Any]:
        """The Newton settings of the implicit stages, keyed as the metadata's ``"solver"`` entry."""
        return NewtonConfig.from_solver(self._solver).to_metadata()

    def set_solver_config(
        self,
        atol: float,
        rtol: float,
        miters: int,
        ls_type: str,
        ls_max_iters: int,
        ls_cutback: float,
        ls_c: float,
    ) -> None:
        """Newton settings of the implicit stages; ``ls_type`` NONE, BACKTRACKING or STRONG_WOLFE."""
        ls = str(ls_type).upper()
        if ls not in LS_TYPES:
            raise FatalError(f"invalid ls_type {ls_type!r}; valid: {', '.join(LS_TYPES)}")
        config = NewtonConfig(
            float(atol), float(rtol), int(miters), ls, int(ls_max_iters), float(ls_cutback), float(ls_c)
        )
        try:
            self._solver = config.solver()
        except InputError as e:
            raise FatalError(f"invalid solver configuration: {e}") from None
        self._solver.linear_solver = PointwiseLU()

    # ------------------------------------------------------------------- evaluation
    def forward(self, inputs: Mapping[str, torch.Tensor]) -> dict[str, torch.Tensor]:
        """Outputs keyed by ``output_names``, each ``(*B, *base)``."""
        state, B, N = self._prepare(inputs)
        self._run(state, N, None)
        return {n: state[n].reshape(*B, *self._base[n]) for n in self._outputs}

    def jvp(
        self, inputs: Mapping[str, torch.Tensor], tangents: Mapping[str, torch.Tensor]
    ) -> tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]:
        """Outputs and their directional derivatives along ``tangents`` (a missing key is zero)."""
        self._require_derivatives("jvp")
        state, B, N = self._prepare(inputs)
        if not isinstance(tangents, Mapping):
            raise FatalError(f"tangents must be a dict of tensors, got {type(tangents).__name__}")
        self._check_keys(tangents, "tangent")
        D = {}
        for n in self._inputs:
            t = tangents.get(n)
            if t is None:
                D[n] = state[n].new_zeros(N, self._size[n], 1)
            else:
                D[n] = self._canonical(f"tangent '{n}'", t, n, B, N).reshape(N, self._size[n], 1)
        self._run(state, N, D)
        outs = {n: state[n].reshape(*B, *self._base[n]) for n in self._outputs}
        return outs, {n: D[n].reshape(*B, *self._base[n]) for n in self._outputs}

    def jacobian(
        self, inputs: Mapping[str, torch.Tensor]
    ) -> tuple[dict[str, torch.Tensor], dict[str, dict[str, torch.Tensor]]]:
        """Outputs and ``J[out][in]`` of shape ``(*B, *out_base, *in_base)``."""
        self._require_derivatives("jacobian")
        state, B, N = self._prepare(inputs)
        M = sum(self._size[n] for n in self._inputs)
        D, seeds, off = {}, {}, 0
        eye = torch.eye(M, dtype=self._dtype, device=self._device)
        for n in self._inputs:
            s = self._size[n]
            D[n], seeds[n] = eye[off : off + s].expand(N, s, M), off
            off += s
        self._run(state, N, D, seeds)
        outs = {n: state[n].reshape(*B, *self._base[n]) for n in self._outputs}
        J: dict[str, dict[str, torch.Tensor]] = {}
        for o in self._outputs:
            J[o], off = {}, 0
            for n in self._inputs:
                s = self._size[n]
                J[o][n] = D[o][:, :, off : off + s].reshape(*B, *self._base[o], *self._base[n])
                off += s
        return outs, J

    # --------------------------------------------------------------------- internals
    def _require_derivatives(self, op: str) -> None:
        if not self.has_derivatives:
            raise FatalError(
                f"{self._meta_path}: compiled without derivatives, so {op} is unavailable; "
                "recompile with neml2-compile -d OUT:IN (or -d : for all pairs)"
            )

    def _chain(
        self, G: torch.Tensor, st: _Stage, D: dict[str, torch.Tensor], seeds: dict[str, int] | None, N: int
    ) -> torch.Tensor:
        """``G @ cat(D[stage inputs])`` for a stage Jacobian ``G (N, rows, in_size)``; an identity ``D``
        (a seeded model input of ``jacobian``) places G's columns instead (as the C++ runtime does)."""
        seeded = seeds or {}
        if st.inputs == self._inputs and all(n in seeded for n in st.inputs):
            return G
        out = G.new_zeros(N, G.shape[1], next(iter(D.values())).shape[-1])
        off = 0
        for n in st.inputs:
            s = self._size[n]
            Gb = G[:, :, off : off + s]
            if n in seeded:
                out[:, :, seeded[n] : seeded[n] + s] += Gb
            else:
                out.baddbmm_(Gb, D[n])
            off += s
        return out

    def _run(
        self,
        state: dict[str, torch.Tensor],
        N: int,
        D: dict[str, torch.Tensor] | None,
        seeds: dict[str, int] | None = None,
    ) -> None:
        """Evaluate the stages in order, adding their outputs (and ``d/d(seeds)`` in ``D``) to the state."""
        params = list(self._params.values())
        for st in self._stages:
            if N == 0:  # an empty batch: nothing to evaluate
                opts = {"dtype": self._dtype, "device": self._device}
                for n in st.outputs:
                    state[n] = torch.zeros(0, *self._base[n], **opts)
                    if D is not None:
                        D[n] = torch.zeros(0, self._size[n], next(iter(D.values())).shape[-1], **opts)
                continue
            given = [state[n] for n in st.inputs]
            if st.kind == "explicit":
                if D is None:
                    outs = run_points(st.graphs["forward"], [*given, *params], len(given))
                else:
                    *outs, J = st.graphs["jacobian"](*given, *params)
                    dy = self._chain(J, st, D, seeds, N)
                    D.update(zip(st.outputs, torch.split(dy, st.out_sizes, dim=1), strict=True))
                state.update(zip(st.outputs, outs, strict=True))
                continue
            guess = [state[n] for n in st.predictor_inputs]
            old = [state[n] for n in st.old_inputs]
            steps = self._solve(st, given, old, guess, params, N)
            x = steps[0].x if len(steps) == 1 else assemble_steps(steps, steps[0].x.new_zeros(N, st.n))
            if D is not None and len(steps) == 1:
                _, Jx = st.residual(*given, x, *params)
                (Jg,) = st.graphs["sensitivity"](*given, x, *params)
                dx = -st.solve(Jx, self._chain(Jg, st, D, seeds, N), "tangent")
                D.update(zip(st.outputs, torch.split(dx, st.out_sizes, dim=1), strict=True))
            elif D is not None:
                dx = self._substep_sensitivity(st, given + old, steps, params, D, N)
                D.update(zip(st.outputs, torch.split(dx, st.out_sizes, dim=1), strict=True))
            for n, xs in zip(st.outputs, torch.split(x, st.out_sizes, dim=1), strict=True):
                state[n] = xs.reshape(N, *self._base[n]).contiguous()

    def _solve(
        self,
        st: _Stage,
        given: list[torch.Tensor],
        old: list[torch.Tensor],
        guess: list[torch.Tensor],
        params: list[torch.Tensor],
        N: int,
    ) -> list[SubStep]:
        """Newton per point from the predictor's guess (``x0 = 0`` without one); converged points
        leave the active set.  With substepping, the points that fail are bisected as the eager
        ImplicitUpdate does (``neml2.models.common.substepping.bisect``)."""

        def system(g: list[torch.Tensor], n: int) -> Any:
            def fn(xa: torch.Tensor, idx: torch.Tensor) -> tuple[torch.Tensor, Any]:
                gi = g if idx.numel() == n else [t[idx] for t in g]
                return st.residual(*gi, xa.contiguous(), *params)

            return fn

        if "predictor" in st.graphs:
            (x0,) = st.graphs["predictor"](*guess, *params)
        else:
            x0 = torch.zeros(N, st.n, dtype=self._dtype, device=given[0].device if given else self._device)
        sub = st.substep
        if not sub:
            with torch.no_grad():
                x, _ = self._solver.solve(system(given, N), x0)
            return [SubStep(None, 0.0, 1.0, x)]
        ext = given + old

        def solve(P: torch.Tensor | None, a: float, b: float, xprev: Any, guess: torch.Tensor) -> Any:
            hist = None if xprev is None else self._history(st, xprev, values=True)
            g = self._substep(st, ext, P, a, b, hist)
            x, _, failed, err = solve_partial(self._solver, system(g, N if P is None else P.numel()), guess)
            return x, failed, err

        with torch.no_grad():
            return bisect(
                solve, x0, int(sub["max_level"]), float(sub["min_fraction"]), f"model '{self._meta['model']}'"
            )

    def _history(self, st: _Stage, x: torch.Tensor, values: bool) -> list[torch.Tensor]:
        """The unknowns' old values of the next substep from the unknowns ``x (n, size)`` (values) or
        their derivatives ``(n, size, M)``."""
        out = []
        for off, s, i in st.substep["history"]:
            part = x[:, off : off + s]
            shape = (x.shape[0], *self._base[st.inputs[i]]) if values else part.shape
            out.append(part.reshape(shape).contiguous())
        return out

    @staticmethod
    def _substep(
        st: _Stage, ext: list[torch.Tensor], P: torch.Tensor | None, a: float, b: float, hist: Any
    ) -> list[torch.Tensor]:
        """The stage's given tensors (values or derivatives: the map is linear) at the points ``P``
        for the fraction ``[a, b]`` of the step; ``ext`` = given + old inputs, ``hist`` the unknowns'
        old values from the previous substep (None at ``a = 0``)."""
        ng = len(st.inputs)
        g = ext if P is None else [t[P] for t in ext]
        if a == 0.0 and b == 1.0:
            return g[:ng]
        out = list(g[:ng])
        for i, j in st.substep["ramped"]:
            new, old = g[i], g[j]
            out[i] = (1 - b) * old + b * new
            if j < ng:
                out[j] = (1 - a) * old + a * new
        for i in st.substep["incremental"]:
            out[i] = g[i] * (b - a)
        if hist is not None:
            for (_, _, i), h in zip(st.substep["history"], hist, strict=True):
                out[i] = h
        return [t.contiguous() for t in out]

    def _substep_sensitivity(
        self,
        st: _Stage,
        ext: list[torch.Tensor],
        steps: list[SubStep],
        params: list[torch.Tensor],
        D: dict[str, torch.Tensor],
        N: int,
    ) -> torch.Tensor:
        """``dx (N, n, M)`` through the substeps in time order: ``dx_k = -J_k^{-1} (dr/dg dg_k)``, the
        old unknowns of substep ``k`` being the solution of substep ``k - 1``."""
        M = next(iter(D.values())).shape[-1]
        ext_D = [D[n] for n in st.inputs + st.old_inputs]
        opts = {"dtype": self._dtype, "device": self._device}
        cur = torch.zeros(N, st.n, **opts)
        dcur = torch.zeros(N, st.n, M, **opts)
        for step in steps:
            P = step.P if step.P is not None else torch.arange(N, device=self._device)
            first = step.a == 0.0
            g = self._substep(st, ext, P, step.a, step.b, None if first else self._history(st, cur[P], True))
            gD = self._substep(st, ext_D, P, step.a, step.b, None if first else self._history(st, dcur[P], False))
            _, Jx = st.residual(*g, step.x.contiguous(), *params)
            (Jg,) = st.graphs["sensitivity"](*g, step.x.contiguous(), *params)
            rhs = Jg.new_zeros(P.numel(), Jg.shape[1], M)
            off = 0
            for t, s in zip(gD, st.in_sizes, strict=True):
                rhs += torch.bmm(Jg[:, :, off : off + s], t.reshape(P.numel(), s, M))
                off += s
            dcur[P] = -st.solve(Jx, rhs, "tangent")
            cur[P] = step.x
        return dcur

    def __repr__(self) -> str:
        return (
            f"PyModel({self._meta['model']!r}, device={self._device.type}, dtype={self._meta['dtype']}, "
            f"inputs={self._inputs}, outputs={self._outputs}, parameters={list(self._params)})"
        )
