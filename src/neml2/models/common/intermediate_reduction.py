"""Reductions of an SR2 over an intermediate (sub-batch) axis, e.g. the Taylor average of the
per-grain stresses of a polycrystal whose grains are the variable's sub-batch axis. A tensor is laid
out as ``(*dynamic_batch, *sub_batch, *base)``; for ``from`` with sub-batch axes ``(s_0, s_1, ...)``:

    sum:   to = sum_{i} from_i                          over s_0 (the output has that axis removed)
    mean:  to = (1/N) sum_{i} from_i,  N = size of s_0
    diff:  to = Delta^n from along s_dim,  (Delta from)_i = from_{i+1} - from_i  (the axis shrinks by n)

The typed tensors carry no axis labels, so ``reduces`` names the reduced axis for the reader and for
the error messages only: sum and mean always reduce the FIRST sub-batch axis of ``from``, diff the
sub-batch axis ``dim`` (an index among the sub-batch axes, negative from the last). An input without a
sub-batch axis is an error naming the block and ``reduces``. The tangents are the same linear maps of
the input's tangents (dual numbers)."""

from __future__ import annotations

from neml2.models.model import Model
from neml2.schema import REQUIRED, HitSchema, input, non_negative, option, output
from neml2.types import SR2
from neml2.types import functions as F


def intermediate_reduction_schema(what: str, diff: bool = False) -> HitSchema:
    fields = {
        "from": input(SR2, doc="the tensor to reduce (it has at least one sub-batch axis)"),
        "to": output(SR2, doc=f"its {what} over the sub-batch axis named by reduces"),
    }
    if diff:
        fields["dim"] = option(int, REQUIRED, doc="the sub-batch axis differenced (index among the sub-batch axes)")
        fields["n"] = option(int, 1, check=non_negative("n"), doc="the order of the difference (as torch.diff)")
    fields["reduces"] = option(str, REQUIRED, doc="name of the sub-batch axis reduced (e.g. grain), for messages")
    return HitSchema(fields)


class IntermediateReduction(Model):
    """``to = reduce from`` over a sub-batch axis (see the module docstring)."""

    MEAN = False

    def _sub_batch_axis(self, x: SR2, dim: int = 0) -> int:
        """The index among the sub-batch axes of ``x`` that is reduced (checked)."""
        axis = self.options["reduces"]
        n = x.sub_batch_ndim
        if n == 0:
            raise self._error(
                f"input '{self.var('from')}' (shape {tuple(x.shape)}) has no sub-batch axis to reduce "
                f"over (reduces = '{axis}'); give it one, e.g. sub_batch_ndim= on the value or a ';' "
                "extent in [Settings]/example_batch_shape",
                "reduces",
            )
        if not -n <= dim < n:
            raise self._error(
                f"dim {dim} is out of range for input '{self.var('from')}' with {n} sub-batch axes "
                f"{x.sub_batch_shape} (reduces = '{axis}')",
                "dim",
            )
        return dim % n

    def forward(self, x: SR2) -> SR2:
        reduce = F.mean if self.MEAN else F.sum
        return reduce(x.sub_batch, self._sub_batch_axis(x))


class IntermediateDifference(IntermediateReduction):
    """``to = Delta^n from`` along sub-batch axis ``dim``: forward differences, the axis shrinks by n."""

    def forward(self, x: SR2) -> SR2:
        d = self._sub_batch_axis(x, self.options["dim"])
        head = (slice(None),) * d
        for _ in range(self.options["n"]):
            x = x.sub_batch[head + (slice(1, None),)] - x.sub_batch[head + (slice(None, -1),)]
        return x
