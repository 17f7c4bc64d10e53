"""CSVSR2."""

from neml2.factory import register_neml2_object
from neml2.types import SR2
from neml2.user_tensors.csv_tensor import CSVTensor


@register_neml2_object("CSVSR2")
class CSVSR2(CSVTensor):
    """A SR2 history read from CSV columns."""

    TYPE = SR2
