"""When compiled artifacts are reused: the content hash, the per-device folders, the folder lock."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Iterator, Sequence
from functools import lru_cache
from pathlib import Path

import torch

from neml2.aoti.inductor import inductor_options
from neml2.aoti.runtime import SCHEMA_VERSION


@lru_cache(maxsize=1)
def _sources_digest() -> str:
    """Digest of the neml2 sources (once per process): changed model code recompiles."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for f in sorted(root.rglob("*.py")):
        h.update(str(f.relative_to(root)).encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def content_hash(
    text: str, model: str, devices: Sequence[str], dtype: str, parameters: Sequence[str], derivatives: bool
) -> str:
    """What decides the artifacts: input text, options, compile settings, torch and neml2 code."""
    h = hashlib.sha256()
    for part in (
        text,
        model,
        ",".join(devices),
        dtype,
        ",".join(parameters),
        str(derivatives),
        json.dumps(inductor_options(), sort_keys=True),
        torch.__version__,
        str(SCHEMA_VERSION),
        _sources_digest(),
    ):
        h.update(part.encode())
        h.update(b"\0")
    return h.hexdigest()


def device_folder(device: str | torch.device) -> str:
    """Artifact subfolder of a device: its type (``cpu``, ``cuda``)."""
    return torch.device(device).type


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Exclusive lock on an artifact folder (parallel test workers compile the same model)."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    with open(folder / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _up_to_date(meta_path: Path, digest: str) -> bool:
    try:
        meta = json.loads(meta_path.read_text())
    except (OSError, ValueError):
        return False
    if meta.get("hash") != digest:
        return False
    folder = meta_path.parent
    for dev in meta["devices"]:
        for st in meta["stages"]:
            for fname in st["segments"].values():
                if not (folder / dev / meta["dtype"] / fname).is_file():
                    return False
    return True
