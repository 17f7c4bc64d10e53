"""AOTIModel: a compiled artifact as a model of an input file (``type = AOTIModel``)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

import nmhit
import torch
from torch import nn

from neml2.aoti.errors import FatalError
from neml2.aoti.runtime import metadata_path
from neml2.errors import InputError
from neml2.factory import register_neml2_object
from neml2.schema import HitSchema, option
from neml2.types import TYPES, TensorWrapper


@register_neml2_object("AOTIModel")
class AOTIModel(nn.Module):
    """Runs the artifact folder written by ``neml2-compile`` for torch's current default device.

    Typed inputs in ``input_spec`` order (batch shapes broadcast, as for native models) give a tuple
    of typed outputs in ``output_spec`` order.  No ``v``/``v2``/``vh``: derivatives come from the
    runtime's ``jvp`` / ``jacobian`` (``self._inner``).  Promoted parameters live on
    ``self._inner.named_parameters()``."""

    SECTION: ClassVar[str] = "Models"
    SUPPORTS_SECOND_ORDER: ClassVar[bool] = False
    hit = HitSchema(
        artifact_path=option(str, doc="the artifact folder (holding metadata.json), relative to this file"),
        solver=option(str, None, doc="a [Solvers] Newton block for the implicit stages (default: compiled settings)"),
    )

    def __init__(self, meta_path: str | Path, *, solver: Any = None, device: str | torch.device | None = None) -> None:
        super().__init__()
        from neml2.aoti import Model

        path = metadata_path(meta_path)
        meta = json.loads(path.read_text())
        dev = torch.device(device) if device is not None else torch.get_default_device()
        self._inner = Model(str(path), dev.type)
        self.input_spec = {v["name"]: _type(v) for v in meta["inputs"]}
        self.output_spec = {v["name"]: _type(v) for v in meta["outputs"]}
        self.output_priorities: dict[str, str | None] = {}
        self.nl_params: dict[str, Any] = {}
        if solver is not None:
            self.configure_solver(solver)

    @classmethod
    def from_hit(cls, node: nmhit.Node, factory: Any) -> AOTIModel:
        where = factory.where(cls.SECTION, node.path())
        values = cls.hit.resolve(cls.hit.read_node(node, where), where)
        path = Path(values["artifact_path"])
        if not path.is_absolute() and factory.path != "<string>":
            path = Path(factory.path).parent / path
        solver = factory.get_solver(values["solver"]) if values["solver"] else None
        try:
            obj = cls(path, solver=solver)
        except FatalError as e:
            raise InputError(str(e), option="artifact_path", **where) from None
        obj._hit_name = node.path()
        return obj

    def configure_solver(self, solver: Any) -> None:
        """Newton settings from a [Solvers] Newton / NewtonWithLineSearch object."""
        from neml2.solvers.newton_config import NewtonConfig

        self._inner.set_solver_config(*NewtonConfig.from_solver(solver).args())

    @property
    def input_names(self) -> list[str]:
        return list(self.input_spec)

    @property
    def output_names(self) -> list[str]:
        return list(self.output_spec)

    def forward(self, *args: Any, v: Any = None, v2: Any = None, vh: Any = None) -> tuple[TensorWrapper, ...]:
        if v is not None or v2 is not None or vh is not None:
            raise FatalError(
                "AOTIModel does not take v/v2/vh tangents; use its runtime's jvp() / jacobian() (model._inner)"
            )
        if len(args) != len(self.input_spec):
            raise FatalError(
                f"AOTIModel takes {len(self.input_spec)} inputs ({', '.join(self.input_spec)}), got {len(args)}"
            )
        data, batches = {}, []
        for a, (name, t) in zip(args, self.input_spec.items(), strict=True):
            x = a.data if isinstance(a, TensorWrapper) else a
            if not isinstance(x, torch.Tensor):
                raise FatalError(f"AOTIModel input '{name}' must be a {t.__name__} or a tensor, got {type(x).__name__}")
            nb = len(t.BASE_SHAPE)
            if x.dim() < nb or tuple(x.shape[x.dim() - nb :]) != t.BASE_SHAPE:
                raise FatalError(f"AOTIModel input '{name}' ({t.__name__}) has shape {tuple(x.shape)}")
            data[name] = x
            batches.append(tuple(x.shape[: x.dim() - nb]))
        try:
            B = tuple(torch.broadcast_shapes(*batches))
        except RuntimeError:
            raise FatalError(f"AOTIModel input batch shapes do not broadcast: {batches}") from None
        full = B or (1,)
        ins = {
            n: x.expand(*full, *t.BASE_SHAPE) for (n, t), x in zip(self.input_spec.items(), data.values(), strict=True)
        }
        outs = self._inner.forward(ins)
        return tuple(t(outs[n].reshape(*B, *t.BASE_SHAPE)) for n, t in self.output_spec.items())

    # the runtime's sensitivity and parameter surface, on raw {name: tensor} dicts
    def jvp(self, inputs: dict[str, torch.Tensor], tangents: dict[str, torch.Tensor]) -> Any:
        """``(outputs, J @ v)`` of the runtime (compiled with ``-d``)."""
        return self._inner.jvp(inputs, tangents)

    def jacobian(self, inputs: dict[str, torch.Tensor]) -> Any:
        """``(outputs, J)`` with ``J[out][in]`` the ``(*B, *out_base, *in_base)`` blocks (``-d``)."""
        return self._inner.jacobian(inputs)

    def named_parameters(self, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        """The promoted (``-p``) parameters: the runtime's mutable map (in-place edits reach the next
        call).  Iterating it gives ``(name, tensor)`` pairs, as ``nn.Module.named_parameters`` does."""
        return _ParameterMap(self._inner.named_parameters())

    def set_parameter(self, name: str, value: torch.Tensor) -> None:
        self._inner.set_parameter(name, value)

    def extra_repr(self) -> str:
        return f"inputs={list(self.input_spec)}, outputs={list(self.output_spec)}"


class _ParameterMap(dict):
    """A ``{name: tensor}`` dict that iterates as ``(name, tensor)`` pairs (``nn.Module`` callers)."""

    def __iter__(self) -> Any:
        return iter(self.items())


def _type(v: dict[str, Any]) -> type[TensorWrapper]:
    t = TYPES.get(v["type"])
    # base_shape is the per-point shape (*sub_batch, *base) of the graphs
    if t is None or [*v.get("sub_batch_shape", []), *t.BASE_SHAPE] != list(v["base_shape"]):
        raise FatalError(f"variable '{v['name']}': unknown type {v['type']!r} with base shape {v['base_shape']}")
    return t
