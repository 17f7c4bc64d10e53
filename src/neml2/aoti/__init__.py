"""neml2.aoti: the compiled route (``neml2-compile`` artifacts and their runtime).

``Model`` is the C++ runtime ``neml2.aoti._aoti.Model`` when the extension is built, else the
pure-Python reference runtime ``PyModel`` with the same API.  ``AOTIModel`` makes an artifact
usable from an input file.
"""

from __future__ import annotations

from neml2.aoti.errors import ConvergenceError, FatalError
from neml2.aoti.runtime import PyModel

try:  # the C++ binding, when built
    from neml2.aoti._aoti import Model  # type: ignore[import-not-found]
except ImportError:
    Model = PyModel

from neml2.aoti.aoti_model import AOTIModel  # noqa: E402  (needs Model)

__all__ = ["AOTIModel", "ConvergenceError", "FatalError", "Model", "PyModel"]
