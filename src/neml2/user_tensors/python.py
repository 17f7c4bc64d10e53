"""[Tensors] type Python: a tensor from a Python expression (or a block that assigns ``result``)."""

from __future__ import annotations

from typing import Any

import nmhit

from neml2.errors import InputError
from neml2.factory import _TensorScope, register_neml2_object
from neml2.schema import HitSchema, option
from neml2.types import TensorWrapper


@register_neml2_object("Python")
class Python:
    """Evaluates ``expr`` with torch, math, the neml2.types names and other [Tensors] entries in scope."""

    SECTION = "Tensors"
    hit = HitSchema(expr=option(str))

    @classmethod
    def from_hit(cls, node: nmhit.Node, factory: Any) -> TensorWrapper:
        where = factory.where(cls.SECTION, node.path())
        expr = cls.hit.resolve(cls.hit.read_node(node, where), where)["expr"]
        scope = _TensorScope(factory)
        glb = factory.python_namespace()
        try:
            if "\n" in expr.strip() or "result" in expr.split("=")[0]:
                exec(expr, glb, scope)
                if "result" not in scope:
                    raise InputError("a multi-line expression must assign 'result'", option="expr", **where)
                value = scope["result"]
            else:
                value = eval(expr, glb, scope)
        except InputError:
            raise
        except Exception as e:  # noqa: BLE001 - any error in user code is reported as an input error
            raise InputError(f"evaluating expression failed: {type(e).__name__}: {e}", option="expr", **where) from None
        if isinstance(value, TensorWrapper) and value.data.is_floating_point():
            from neml2 import settings

            # torch.tensor([...]) defaults to float32; NEML2 computes in the configured dtype
            value = value.to(settings.default_dtype)
        if not isinstance(value, TensorWrapper):
            raise InputError(
                f"expression must produce a typed tensor (Scalar, SR2, ...), got {type(value).__name__}",
                option="expr",
                **where,
            )
        return value
