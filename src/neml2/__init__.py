"""neml2: material constitutive models on PyTorch, vectorized, differentiable and deployable."""

from __future__ import annotations

from typing import Any

from neml2 import _malloc  # noqa: F401  (allocator tuning, see the module docstring)
from neml2 import log as log  # verbosity control: neml2.log, NEML2_LOGS
from neml2.errors import ConvergenceError, InputError, NEML2Error
from neml2.factory import (
    load_input,
    load_model,
    load_nonlinear_system,
    load_string,
    register_neml2_object,
)

__version__ = "0.1.0"

_LAZY = {
    "Model": "neml2.models.model",
    "ComposedModel": "neml2.models.composed_model",
    "DependencyResolver": "neml2.models.dependency_resolver",
    "ImplicitUpdate": "neml2.models.common.implicit_update",
    "Newton": "neml2.solvers.newton",
    "NewtonWithLineSearch": "neml2.solvers.newton_with_line_search",
    "DenseLU": "neml2.solvers.dense_lu",
    "SchurComplement": "neml2.solvers.schur_complement",
    "NonlinearSystem": "neml2.solvers.nonlinear_system",
    "Driver": "neml2.drivers.driver",
    "TransientDriver": "neml2.drivers.transient_driver",
    "TransientRegression": "neml2.drivers.transient_regression",
    "compile": "neml2.jit",  # neml2.compile: in-process torch.compile (py-jit)
}


#: sub-packages importable as attributes (``import neml2; neml2.pyzag``)
_SUBPACKAGES = {"pyzag", "texture"}


def __getattr__(name: str) -> Any:
    if name in _SUBPACKAGES:
        import importlib

        return importlib.import_module(f"neml2.{name}")
    mod = _LAZY.get(name)
    if mod is None:
        raise AttributeError(f"module 'neml2' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(mod), name)


__all__ = [
    "ConvergenceError",
    "InputError",
    "NEML2Error",
    "load_input",
    "load_model",
    "load_nonlinear_system",
    "load_string",
    "register_neml2_object",
    *_LAZY,
]
