"""The type manifest: current, and a plain input file imports only what it uses."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import neml2
from neml2._builtin_types import current_manifest
from neml2._manifest import MANIFEST

_PLAIN = """
import sys
import neml2
m = neml2.load_string('''
[Models]
  [m]
    type = LinearIsotropicElasticity
    coefficients = '100 0.3'
    coefficient_types = 'YOUNGS_MODULUS POISSONS_RATIO'
  []
[]
''').get_model('m')
print(' '.join(sorted(k for k in sys.modules if k.startswith(('neml2.aoti', 'neml2.cli', 'neml2.drivers')))))
print(type(m).__module__)
"""


def test_manifest_is_current() -> None:
    want = {name: (sec, mod.removeprefix("neml2.")) for name, (sec, mod) in current_manifest().items()}
    stale = sorted(set(want.items()) ^ set(MANIFEST.items()))
    assert not stale, f"src/neml2/_manifest.py is stale ({stale[:5]}): run `python -m neml2._builtin_types`"
    assert len(MANIFEST) > 70 and MANIFEST["Newton"] == ("Solvers", "solvers.newton")


def test_plain_load_imports_only_what_it_uses() -> None:
    out = subprocess.run([sys.executable, "-c", _PLAIN], capture_output=True, text=True, check=True).stdout
    imported, module = out.splitlines()
    assert imported == ""  # neither the compiled route, the CLI nor the drivers
    assert module == "neml2.models.solid_mechanics.elasticity.linear_isotropic_elasticity"


def test_the_library_does_not_import_the_cli() -> None:
    """The command-line tools sit on the library, never the reverse (neml2-compile's export included)."""
    src = Path(neml2.__file__).resolve().parent
    offenders = [
        p.relative_to(src).as_posix()
        for p in src.rglob("*.py")
        if p.relative_to(src).parts[0] != "cli" and re.search(r"^\s*(from|import) neml2\.cli\b", p.read_text(), re.M)
    ]
    assert offenders == []
