"""DependencyResolver: order sub-models by the variables they consume and provide."""

from __future__ import annotations

from typing import Any

from neml2.errors import InputError

_RANK = {"low": 0, None: 1, "high": 2}


class DependencyResolver:
    """Topological order of ``models`` (a list of ``(name, model)``) from variable names.

    A variable provided by two models is an error unless their output priorities
    differ; then the highest-priority writer is the one consumers see, and it runs
    after the others.  Old-state names (``x~1``) are always external inputs.
    """

    def __init__(self, models: list[tuple[str, Any]], where: dict[str, Any] | None = None) -> None:
        self.where = where or {}
        self.models = models
        providers: dict[str, list[tuple[str, Any]]] = {}
        for name, m in models:
            for var in m.output_spec:
                providers.setdefault(var, []).append((name, m))
        self.provider: dict[str, str] = {}
        extra_edges: list[tuple[str, str]] = []
        for var, ps in providers.items():
            if len(ps) == 1:
                self.provider[var] = ps[0][0]
                continue
            ranked = sorted(ps, key=lambda p: _RANK[p[1].output_priorities.get(var)])
            ranks = [_RANK[p[1].output_priorities.get(var)] for p in ranked]
            if len(set(ranks)) != len(ranks):
                names = ", ".join(p[0] for p in ps)
                raise InputError(
                    f"variable '{var}' is provided by more than one model ({names}); "
                    "give them different output priorities or rename one output",
                    option="models",
                    **self.where,
                )
            self.provider[var] = ranked[-1][0]
            extra_edges += [(a[0], b[0]) for a, b in zip(ranked, ranked[1:])]
        deps: dict[str, list[str]] = {name: [] for name, _ in models}
        self.consumers: dict[str, list[str]] = {}
        for name, m in models:
            for var in m.input_spec:
                self.consumers.setdefault(var, []).append(name)
                p = self.provider.get(var)
                if p is not None and p != name and p not in deps[name]:
                    deps[name].append(p)
        for a, b in extra_edges:
            if a not in deps[b]:
                deps[b].append(a)
        self.order = self._toposort(deps)

    def _toposort(self, deps: dict[str, list[str]]) -> list[str]:
        order: list[str] = []
        state: dict[str, int] = {}
        listed = [name for name, _ in self.models]

        def visit(n: str, stack: list[str]) -> None:
            s = state.get(n, 0)
            if s == 2:
                return
            if s == 1:
                cyc = stack[stack.index(n) :] + [n]
                model = dict(self.models)
                via = []
                for a, b in zip(cyc, cyc[1:]):
                    shared = [v for v in model[a].input_spec if self.provider.get(v) == b]
                    via.append(f"{a} needs '{shared[0]}' from {b}" if shared else f"{a} after {b}")
                raise InputError("dependency cycle: " + "; ".join(via), option="models", **self.where)
            state[n] = 1
            for d in deps[n]:
                visit(d, stack + [n])
            state[n] = 2
            order.append(n)

        for n in listed:
            visit(n, [])
        return order
