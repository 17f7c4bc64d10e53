"""NonlinearSystem: a model's residual outputs as functions of some of its inputs (the unknowns)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from neml2.factory import register_neml2_object
from neml2.objects import HitObject
from neml2.schema import HitSchema, option
from neml2.solvers.site_blocks import SiteLayout


@register_neml2_object("NonlinearSystem")
class NonlinearSystem(HitObject):
    """``r(x; inputs) = 0`` with ``x`` = ``unknowns`` and ``r`` = ``residuals`` (default ``<x>_residual``).

    Residual ``i`` pairs with unknown ``i``. Groups of unknowns (for block linear solvers and
    preconditioners: SchurComplement, BlockJacobiPreconditioner) are written either in ``unknowns``
    and ``residuals`` themselves, separated by ``;`` (``unknowns = 'elastic_strain orientation;
    deformation_rate'``), with ``structure`` then naming each group's kind, ``block`` (per-site
    unknowns: a block per sub-batch site) or ``dense``; or in ``structure`` as ``;``-separated lists of
    unknown names (``structure = 'plastic_strain; equivalent_plastic_strain'``), every unknown in
    exactly one group; ``structure = 'block'`` alone makes every unknown one block group. Unset, each
    unknown is its own group. The layout is ``block_structure``; ``site_layout`` places the ``block``
    groups' unknowns per site (their Newton Jacobian is kept block-diagonal: neml2.solvers.site_blocks)."""

    SECTION = "EquationSystems"
    hit = HitSchema(
        model=option(str, doc="the [Models] block computing the residuals"),
        unknowns=option("list", doc="the input variables solved for"),
        residuals=option("list", None, doc="its outputs that vanish, one per unknown (default <unknown>_residual)"),
        structure=option("list", None, doc="groups of unknowns for block linear solvers, ';'-separated"),
    )

    def __init__(self, *, model: Any = None, **kw: Any) -> None:
        super().__init__(model=model if isinstance(model, str) or model is None else "<python>", **kw)
        self.model = model if not isinstance(model, str) else self._ref("model", "get_model")
        unknown_groups = _split_groups(self.options["unknowns"])
        self.unknowns: list[str] = [u for g in unknown_groups for u in g]
        residual_groups = (
            _split_groups(self.options["residuals"])
            if self.options["residuals"]
            else [[f"{u}_residual" for u in g] for g in unknown_groups]
        )
        self.residuals: list[str] = [r for g in residual_groups for r in g]
        if len(self.residuals) != len(self.unknowns):
            raise self._error(f"{len(self.residuals)} residuals for {len(self.unknowns)} unknowns", "residuals")
        if len(residual_groups) > 1 and [len(g) for g in residual_groups] != [len(g) for g in unknown_groups]:
            raise self._error("the ';' groups of residuals do not match those of unknowns", "residuals")
        #: the groups written in ``unknowns`` (one group when it has no ';')
        self._unknown_groups = unknown_groups
        for u in self.unknowns:
            if u not in self.model.input_spec:
                raise self._error(
                    f"unknown '{u}' is not an input of model '{self.options['model']}' "
                    f"(inputs: {', '.join(self.model.input_spec)})",
                    "unknowns",
                )
        for r in self.residuals:
            if r not in self.model.output_spec:
                raise self._error(
                    f"residual '{r}' is not an output of model '{self.options['model']}' "
                    f"(outputs: {', '.join(self.model.output_spec)})",
                    "residuals",
                )
        self.unknown_types = [self.model.input_spec[u] for u in self.unknowns]
        self.residual_types = [self.model.output_spec[r] for r in self.residuals]
        #: inputs of the model that are not unknowns (the given data of the system)
        self.given = [n for n in self.model.input_spec if n not in self.unknowns]
        #: groups of unknown positions (from ``structure``)
        self.groups = self._groups()
        declared = {}
        for u in self.unknowns:
            spec = self.factory.batch_spec(u) if self.factory is not None else None
            if spec is not None and spec.sub:
                declared[u] = spec.sub
        #: the sub-batch shapes the input file declares (the others are read from the initial guess)
        self.declared_sub: dict[str, tuple[int, ...]] = declared
        self.set_sub_batch_shapes(declared)

    def to(self, *args: Any, **kwargs: Any) -> NonlinearSystem:
        """Move (or cast) the residual model, as ``torch.nn.Module.to`` does; returns the system."""
        self.model.to(*args, **kwargs)
        return self

    def set_sub_batch_shapes(self, shapes: dict[str, tuple[int, ...]]) -> None:
        """Lay out the unknowns (and their paired residuals) with sub-batch axes: ``shapes`` maps an
        unknown to its sub-batch shape (e.g. ``(12,)`` per slip system), read from the input file's
        ``[Settings] example_batch_shape`` declarations; each point's unknown vector then holds the
        ``prod(sub) * base`` components of every site (one dense block per point)."""
        bad = [u for u in shapes if u not in self.unknowns]
        if bad:
            raise self._error(f"sub-batch shape for {', '.join(bad)}, which is not an unknown", "unknowns")
        #: sub-batch shape of each unknown / residual (residual i shares unknown i's)
        self.unknown_sub = [tuple(shapes.get(u, ())) for u in self.unknowns]
        self.residual_sub = list(self.unknown_sub)
        self.unknown_sizes = [_numel(s) * _numel(t.BASE_SHAPE) for s, t in zip(self.unknown_sub, self.unknown_types)]
        self.residual_sizes = [_numel(s) * _numel(t.BASE_SHAPE) for s, t in zip(self.residual_sub, self.residual_types)]
        if sum(self.unknown_sizes) != sum(self.residual_sizes):
            raise self._error(
                f"{sum(self.residual_sizes)} residual components for {sum(self.unknown_sizes)} unknown components",
                "residuals",
            )
        self.block_structure = BlockStructure(
            tuple(self.unknown_sizes), tuple(self.residual_sizes), self.groups, tuple(self.unknowns)
        )
        self.site_layout = self._site_layout()

    def _site_layout(self) -> SiteLayout | None:
        """The per-site layout of the ``block`` groups (None without one, or while their unknowns have
        no sub-batch shape yet: it is read from the initial guess)."""
        block = tuple(i for g, kind in zip(self.groups, self.group_kinds) if kind == "block" for i in g)
        subs = {self.unknown_sub[i] for i in block}
        if not block or subs == {()}:
            return None
        if len(subs) > 1 or () in subs:
            shapes = ", ".join(f"{self.unknowns[i]} {self.unknown_sub[i]}" for i in block)
            raise self._error(f"the unknowns of a 'block' group share one sub-batch shape (got {shapes})", "structure")
        try:
            return SiteLayout.build(block, subs.pop(), self.unknown_sizes, self.residual_sizes)
        except ValueError as e:
            raise self._error(str(e), "structure") from None

    def _groups(self) -> tuple[tuple[int, ...], ...]:
        structure = self.options["structure"]
        #: kind of each group, ``block`` or ``dense`` (``dense`` unless ``structure`` names kinds)
        self.group_kinds: tuple[str, ...]
        if len(self._unknown_groups) > 1:
            kinds = " ".join(structure or []).split()
            if structure and (len(kinds) != len(self._unknown_groups) or set(kinds) - {"block", "dense"}):
                raise self._error(
                    f"with {len(self._unknown_groups)} ';'-separated groups of unknowns, structure names one kind "
                    f"per group, each 'block' or 'dense' (got {' '.join(kinds)!r})",
                    "structure",
                )
            self.group_kinds = tuple(kinds) if structure else ("dense",) * len(self._unknown_groups)
            groups, start = [], 0
            for g in self._unknown_groups:
                groups.append(tuple(range(start, start + len(g))))
                start += len(g)
            return tuple(groups)
        if not structure:
            self.group_kinds = ("dense",) * len(self.unknowns)
            return tuple((i,) for i in range(len(self.unknowns)))
        if " ".join(structure) in ("block", "dense"):  # one group of every unknown, of that kind
            self.group_kinds = (" ".join(structure),)
            return (tuple(range(len(self.unknowns))),)
        text = " ".join(structure)
        groups, seen = [], set()
        for part in text.split(";"):
            names = part.split()
            if not names:
                raise self._error(f"empty group in {text!r}; separate groups of unknowns with ';'", "structure")
            for n in names:
                if n not in self.unknowns:
                    raise self._error(f"'{n}' is not an unknown (unknowns: {', '.join(self.unknowns)})", "structure")
                if n in seen:
                    raise self._error(f"unknown '{n}' is in more than one group", "structure")
                seen.add(n)
            groups.append(tuple(self.unknowns.index(n) for n in names))
        missing = [u for u in self.unknowns if u not in seen]
        if missing:
            raise self._error(f"unknowns missing from the groups: {', '.join(missing)}", "structure")
        self.group_kinds = ("dense",) * len(groups)
        return tuple(groups)


@dataclass(frozen=True)
class BlockStructure:
    """Component layout of a Newton system ``J dx = b``: the sizes of the unknown and residual variables
    (columns and rows of ``J``; residual ``i`` pairs with unknown ``i``) and groups of variable positions."""

    unknown_sizes: tuple[int, ...]
    residual_sizes: tuple[int, ...]
    groups: tuple[tuple[int, ...], ...]
    names: tuple[str, ...] = ()

    @classmethod
    def from_sizes(cls, sizes: Sequence[int], groups: Sequence[Sequence[int]] | None = None) -> BlockStructure:
        """Square variables of the given sizes; one group per variable unless ``groups`` is given."""
        g = tuple(tuple(x) for x in groups) if groups is not None else tuple((i,) for i in range(len(sizes)))
        return cls(tuple(sizes), tuple(sizes), g)

    @property
    def size(self) -> int:
        return sum(self.unknown_sizes)

    def columns(self, variables: Sequence[int]) -> list[int]:
        """Components (columns of ``J``) of the unknown variables at ``variables``."""
        return _components(self.unknown_sizes, variables)

    def rows(self, variables: Sequence[int]) -> list[int]:
        """Components (rows of ``J``) of the residual variables at ``variables``."""
        return _components(self.residual_sizes, variables)

    def group_names(self, g: int) -> str:
        names = self.names or tuple(f"#{i}" for i in range(len(self.unknown_sizes)))
        return " ".join(names[i] for i in self.groups[g])

    def sub(self, residual_vars: Sequence[int], unknown_vars: Sequence[int]) -> BlockStructure:
        """The layout of the sub-matrix ``J[rows(residual_vars), columns(unknown_vars)]``: one group per
        variable (paired in order), or one variable when the counts differ."""
        us = tuple(self.unknown_sizes[i] for i in unknown_vars)
        rs = tuple(self.residual_sizes[i] for i in residual_vars)
        names = tuple(self.names[i] for i in unknown_vars) if self.names else ()
        if len(us) != len(rs):
            return BlockStructure((sum(us),), (sum(rs),), ((0,),), (" ".join(names),) if names else ())
        return BlockStructure(us, rs, tuple((i,) for i in range(len(us))), names)


def _split_groups(names: Sequence[str]) -> list[list[str]]:
    """``['a', 'b;', 'c']`` (a HIT list, ``;`` attached or alone) as ``[['a', 'b'], ['c']]``."""
    return [part.split() for part in " ".join(names).split(";") if part.split()] or [[]]


def _components(sizes: Sequence[int], variables: Sequence[int]) -> list[int]:
    offsets = [0]
    for s in sizes:
        offsets.append(offsets[-1] + s)
    return [c for i in variables for c in range(offsets[i], offsets[i + 1])]


def _numel(shape: tuple[int, ...]) -> int:
    n = 1
    for s in shape:
        n *= s
    return n
