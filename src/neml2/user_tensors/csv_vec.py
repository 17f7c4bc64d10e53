"""CSVVec."""

from neml2.factory import register_neml2_object
from neml2.types import Vec
from neml2.user_tensors.csv_tensor import CSVTensor


@register_neml2_object("CSVVec")
class CSVVec(CSVTensor):
    """A Vec history read from CSV columns."""

    TYPE = Vec
