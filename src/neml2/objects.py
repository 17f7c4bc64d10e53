"""HitObject: base of the non-model input-file types (solvers, systems, drivers, data)."""

from __future__ import annotations

from typing import Any, ClassVar

import nmhit

from neml2.errors import InputError
from neml2.schema import HitSchema


class HitObject:
    """An object configured by a HIT block; options land in ``self.options``."""

    SECTION: ClassVar[str] = ""
    hit: ClassVar[HitSchema] = HitSchema()

    def __init__(self, *, _factory: Any = None, _where: dict[str, Any] | None = None, **values: Any) -> None:
        self.factory = _factory
        self._where = _where or {"block": f"{self.SECTION}/{type(self).__name__}"}
        self.options = self.hit.resolve(values, self._where)
        for name, f in self.hit:
            if f.attr:
                setattr(self, f.attr, self.options[name])

    @classmethod
    def from_hit(cls, node: nmhit.Node, factory: Any) -> Any:
        where = factory.where(cls.SECTION, node.path())
        obj = cls(_factory=factory, _where=where, **cls.hit.read_node(node, where))
        obj._hit_name = node.path()
        return obj

    def _error(self, message: str, option: str | None = None) -> InputError:
        return InputError(message, option=option, **self._where)

    def _ref(self, option: str, getter: str) -> Any:
        """Resolve an option that names another block (e.g. a solver), with a located error."""
        name = self.options[option]
        if self.factory is None:
            raise self._error("needs an input file to resolve references", option)
        try:
            return getattr(self.factory, getter)(name)
        except InputError as e:
            if e.block is None:
                raise self._error(e.reason, option) from None
            raise
