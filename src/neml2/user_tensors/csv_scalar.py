"""CSVScalar."""

from neml2.factory import register_neml2_object
from neml2.types import Scalar
from neml2.user_tensors.csv_tensor import CSVTensor


@register_neml2_object("CSVScalar")
class CSVScalar(CSVTensor):
    """A Scalar history read from CSV columns."""

    TYPE = Scalar
