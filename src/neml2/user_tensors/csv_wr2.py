"""CSVWR2."""

from neml2.factory import register_neml2_object
from neml2.types import WR2
from neml2.user_tensors.csv_tensor import CSVTensor


@register_neml2_object("CSVWR2")
class CSVWR2(CSVTensor):
    """A WR2 history read from CSV columns."""

    TYPE = WR2
