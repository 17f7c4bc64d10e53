"""[Tensors] type Python: a tensor from a Python expression, or from a block that assigns ``result``."""

from __future__ import annotations

import textwrap
from typing import Any

import nmhit

from neml2.errors import InputError
from neml2.factory import _TensorScope, register_neml2_object
from neml2.schema import HitSchema, option
from neml2.types import TensorWrapper


def source(expr: str) -> str:
    """The Python text of an ``expr`` value. nmhit strips the indentation of a triple-quoted
    value's first line but keeps that of the others, so lines 2.. are dedented together (and
    indented under the first line when it opens a block that holds all of them)."""
    lines = expr.strip("\n").splitlines()
    if len(lines) <= 1:
        return expr.strip()
    first, rest = lines[0].strip(), textwrap.dedent("\n".join(lines[1:]))
    if not first:
        return rest
    code = first + "\n" + rest
    if first.endswith(":"):
        try:
            compile(code, "<expr>", "exec")
        except SyntaxError:
            code = first + "\n" + textwrap.indent(rest, "    ")
    return code


def evaluate(expr: str, glb: dict[str, Any], scope: dict[str, Any]) -> Any:
    """The value of ``expr``: an expression, else a block executed in ``scope`` that assigns ``result``.

    ``scope`` (which resolves other [Tensors] entries by bare name) holds the names of ``glb`` and
    serves as the globals, so functions defined in a block see them too."""
    code = source(expr)
    scope.update(glb)
    try:
        compiled = compile(code, "<expr>", "eval")
    except SyntaxError:
        compiled = None
    if compiled is not None:
        return eval(compiled, scope)
    exec(compile(code, "<expr>", "exec"), scope)
    if "result" not in scope:
        raise InputError("a statement block must assign 'result'", option="expr")
    return scope["result"]


@register_neml2_object("Python")
class Python:
    """Evaluates ``expr`` with torch, math, np, the neml2.types names and other [Tensors] entries in scope."""

    SECTION = "Tensors"
    hit = HitSchema(expr=option(str, doc="a Python expression, or a block assigning result"))

    @classmethod
    def from_hit(cls, node: nmhit.Node, factory: Any) -> TensorWrapper:
        where = factory.where(cls.SECTION, node.path())
        expr = cls.hit.resolve(cls.hit.read_node(node, where), where)["expr"]
        try:
            value = evaluate(expr, factory.python_namespace(), _TensorScope(factory))
        except InputError as e:
            raise e.located(**where) from None
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
