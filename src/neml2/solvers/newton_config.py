"""One Newton configuration for every route: its defaults and its names in each place.

The eager solvers (``[Solvers]`` Newton / NewtonWithLineSearch) take their defaults from
:class:`NewtonConfig`; ``neml2-compile`` writes it into the metadata (``"solver"``, every key);
the compiled runtimes (Python ``PyModel`` and the C++ ``neml2::aoti::Model``) read it back from
there, and ``neml2-compile --input`` turns it back into a ``[Solvers]`` block. The C++ side keeps
one copy of the defaults (``SolverConfig`` in ``csrc/include/neml2/csrc/aoti/model.h``) for
metadata written without a key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields
from typing import Any, ClassVar


@dataclass(frozen=True)
class NewtonConfig:
    """Newton settings of the implicit stages; ``ls_type`` NONE, BACKTRACKING or STRONG_WOLFE."""

    atol: float = 1e-10
    rtol: float = 1e-8
    miters: int = 25
    ls_type: str = "NONE"
    ls_max_iters: int = 10
    ls_cutback: float = 2.0
    ls_c: float = 1e-3

    #: metadata key -> option of the [Solvers] Newton / NewtonWithLineSearch block
    HIT_NAMES: ClassVar[dict[str, str]] = {
        "atol": "abs_tol",
        "rtol": "rel_tol",
        "miters": "max_its",
        "ls_type": "linesearch_type",
        "ls_max_iters": "max_linesearch_iterations",
        "ls_cutback": "linesearch_cutback",
        "ls_c": "linesearch_stopping_criteria",
    }

    @classmethod
    def from_solver(cls, solver: Any) -> NewtonConfig:
        """The configuration of a [Solvers] Newton (no line search) or NewtonWithLineSearch object."""
        o = solver.options
        kw = {k: o[h] for k, h in cls.HIT_NAMES.items() if h in o}
        kw["ls_type"] = str(kw.get("ls_type", "NONE")).upper()
        return cls(**kw)

    @classmethod
    def from_metadata(cls, meta: Mapping[str, Any]) -> NewtonConfig:
        """From the metadata's ``"solver"`` entry (a missing key keeps its default)."""
        return cls(**{f.name: meta[f.name] for f in fields(cls) if f.name in meta})

    def to_metadata(self) -> dict[str, Any]:
        return asdict(self)

    def args(self) -> tuple[Any, ...]:
        """Positional arguments of the runtimes' ``set_solver_config``."""
        return tuple(getattr(self, f.name) for f in fields(self))

    def hit_options(self) -> dict[str, Any]:
        """Options of the equivalent [Solvers] block (line-search options only with a line search)."""
        opts = {h: getattr(self, k) for k, h in self.HIT_NAMES.items()}
        if self.ls_type.upper() == "NONE":
            for k in ("ls_type", "ls_max_iters", "ls_cutback", "ls_c"):
                opts.pop(self.HIT_NAMES[k])
        else:
            opts["linesearch_type"] = self.ls_type.upper()
        return opts

    def solver(self) -> Any:
        """The eager solver of this configuration (raises InputError on invalid settings)."""
        from neml2.solvers.newton import Newton
        from neml2.solvers.newton_with_line_search import NewtonWithLineSearch

        cls = Newton if self.ls_type.upper() == "NONE" else NewtonWithLineSearch
        return cls(**self.hit_options())

    def hit_block(self, name: str) -> str:
        """The ``[Solvers]`` section text of this configuration, one block ``name``."""
        kind = "Newton" if self.ls_type.upper() == "NONE" else "NewtonWithLineSearch"
        body = [f"    {k} = {v!r}" if isinstance(v, float) else f"    {k} = {v}" for k, v in self.hit_options().items()]
        return "\n".join(["[Solvers]", f"  [{name}]", f"    type = {kind}", *body, "  []", "[]"]) + "\n"
