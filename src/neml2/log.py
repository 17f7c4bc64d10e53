"""Verbosity control: per-channel diagnostic levels set by ``NEML2_LOGS`` and by the application.

``NEML2_LOGS`` is a comma-separated list of ``channel=level`` entries (``all`` sets a baseline, an
explicit channel entry overrides it). Levels, least to most verbose: ``silent`` < ``warning`` <
``info`` < ``debug`` (also ``0``-``3``, ``off`` and ``warn``). An application sets its own defaults
with :func:`set_default_level`; an ``NEML2_LOGS`` entry for the same channel still wins. Every line
reads ``[neml2:<channel>][<level>] message`` with padded columns; the default sink writes ``info``
to standard output and ``warning`` / ``debug`` to standard error, one flushed line each.

The same store lives in the C++ runtime (``neml2::aoti::log``): when the extension
``neml2.aoti._aoti`` is loaded, the defaults set here are mirrored there and its lines come back
through the sink installed here.

Emitting is cheap when a channel is quiet: :func:`enabled` is one dict lookup, and the message is
only formatted (``msg % args``) after that check. Hot loops guard any extra work (norms, ``.item()``)
with ``if log.enabled(channel, log.DEBUG):``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import IntEnum
from typing import IO, Any

from neml2.errors import NEML2Error


class Level(IntEnum):
    """Verbosity levels, least to most verbose."""

    SILENT = 0
    WARNING = 1
    INFO = 2
    DEBUG = 3


SILENT, WARNING, INFO, DEBUG = Level.SILENT, Level.WARNING, Level.INFO, Level.DEBUG

#: the subsystems a diagnostic comes from
CHANNELS: tuple[str, ...] = ("newton", "linear", "substep", "model", "tensor", "driver")
#: the level of every channel when neither the application nor ``NEML2_LOGS`` says otherwise
DEFAULT_LEVEL = Level.WARNING
ENV_VAR = "NEML2_LOGS"

_LEVEL_NAMES: dict[str, Level] = {
    "silent": SILENT, "off": SILENT, "0": SILENT,
    "warning": WARNING, "warn": WARNING, "1": WARNING,
    "info": INFO, "2": INFO,
    "debug": DEBUG, "3": DEBUG,
}  # fmt: skip
_LEVEL_TAGS = {WARNING: "warn", INFO: "info", DEBUG: "dbg "}
_CHANNEL_WIDTH = max(len(c) for c in CHANNELS)
_VALID_LEVELS = "silent, warning, info, debug (or 0-3, off, warn)"
_VALID_CHANNELS = "all, " + ", ".join(CHANNELS)

Sink = Callable[[Level, str], Any]


class LogConfigError(NEML2Error, ValueError):
    """A malformed ``NEML2_LOGS`` entry or an unknown channel / level given to this module."""


def parse_level(value: str | int | Level, where: str = "") -> Level:
    """A level from its name, alias or integer (``"debug"``, ``"warn"``, ``2``, ``Level.INFO``)."""
    if isinstance(value, Level):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        if 0 <= value <= 3:
            return Level(value)
        raise LogConfigError(f"{where}level {value} is out of range; valid levels: {_VALID_LEVELS}")
    if isinstance(value, str):
        level = _LEVEL_NAMES.get(value.strip().lower())
        if level is not None:
            return level
    raise LogConfigError(f"{where}unknown level {value!r}; valid levels: {_VALID_LEVELS}")


def _check_channel(channel: str, where: str = "") -> str:
    name = channel.strip().lower() if isinstance(channel, str) else channel
    if name != "all" and name not in CHANNELS:
        raise LogConfigError(f"{where}unknown channel {channel!r}; valid channels: {_VALID_CHANNELS}")
    return name


def parse(spec: str) -> dict[str, Level]:
    """The levels a ``NEML2_LOGS`` value sets, per channel (``all`` expanded, explicit entries win)."""
    baseline: Level | None = None
    explicit: dict[str, Level] = {}
    for entry in spec.split(","):
        if not entry.strip():
            continue
        where = f"{ENV_VAR} entry {entry.strip()!r}: "
        name, eq, value = entry.partition("=")
        if not eq:
            raise LogConfigError(f"{where}expected channel=level; valid channels: {_VALID_CHANNELS}")
        channel, level = _check_channel(name, where), parse_level(value, where)
        if channel == "all":
            baseline = level
        else:
            explicit[channel] = level
    out = dict.fromkeys(CHANNELS, baseline) if baseline is not None else {}
    out.update(explicit)
    return out  # type: ignore[return-value]


# ------------------------------------------------------------------ the store
_defaults: dict[str, Level] = dict.fromkeys(CHANNELS, DEFAULT_LEVEL)
_env: dict[str, Level] = {}
#: effective level per channel (what ``enabled`` reads)
_levels: dict[str, Level] = dict(_defaults)


def _refresh() -> None:
    _levels.update({c: _env.get(c, _defaults[c]) for c in CHANNELS})


def reload_env() -> None:
    """Re-read ``NEML2_LOGS`` (read once at import); raises LogConfigError naming a bad entry."""
    global _env
    _env = parse(os.environ.get(ENV_VAR, ""))
    _refresh()
    native = _native_module()
    if native is not None:
        native._log_reload_env()


def set_default_level(channel: str, level: str | int | Level) -> None:
    """This application's default for ``channel`` (``all``: every channel); ``NEML2_LOGS`` still overrides."""
    name, lvl = _check_channel(channel), parse_level(level)
    for c in CHANNELS if name == "all" else (name,):
        _defaults[c] = lvl
    _refresh()
    native = _native_module()
    if native is not None:
        native._log_set_default_level(name, int(lvl))


def level(channel: str) -> Level:
    """The effective level of ``channel``."""
    return _levels[_check_channel(channel)]


def enabled(channel: str, lvl: Level) -> bool:
    """Whether a message at ``lvl`` on ``channel`` would be shown (the cheap check before any work)."""
    return _levels[channel] >= lvl


def format_line(channel: str, lvl: Level, message: str) -> str:
    """``[neml2:<channel>][<level>] message`` with the channel and level columns padded."""
    return f"[neml2:{channel:<{_CHANNEL_WIDTH}}][{_LEVEL_TAGS[lvl]}] {message}"


# ------------------------------------------------------------------ sinks
def _default_sink(lvl: Level, line: str) -> None:
    stream = sys.stdout if lvl == INFO else sys.stderr
    stream.write(line + "\n")
    stream.flush()


_sink: Sink = _default_sink


def set_sink(sink: Sink | None) -> None:
    """Send every line to ``sink(level, line)`` (no trailing newline); ``None`` restores the default."""
    global _sink
    _sink = _default_sink if sink is None else sink


def set_stream(stream: IO[str]) -> None:
    """Write every line, whatever its level, to ``stream``."""
    set_streams(stream, stream)


def set_streams(info_stream: IO[str], other_stream: IO[str]) -> None:
    """Write ``info`` lines to ``info_stream``, ``warning`` and ``debug`` lines to ``other_stream``."""

    def sink(lvl: Level, line: str) -> None:
        stream = info_stream if lvl == INFO else other_stream
        stream.write(line + "\n")
        stream.flush()

    set_sink(sink)


def emit_line(lvl: Level | int, line: str) -> None:
    """Hand an already formatted line to the sink (the C++ runtime's lines come in here)."""
    _sink(Level(lvl), line)


def log(channel: str, lvl: Level, msg: str, *args: Any) -> None:
    """Emit ``msg % args`` on ``channel`` at ``lvl`` if the channel's level allows it."""
    current = _levels.get(channel)
    if current is None:
        _check_channel(channel)
    if current < lvl or lvl == SILENT:  # type: ignore[operator]
        return
    text = msg % args if args else msg
    for part in text.split("\n"):
        _sink(lvl, format_line(channel, lvl, part))


def warning(channel: str, msg: str, *args: Any) -> None:
    """An advisory (shown by default)."""
    if _levels[channel] >= WARNING:
        log(channel, WARNING, msg, *args)


def info(channel: str, msg: str, *args: Any) -> None:
    """A per-solve summary or progress line."""
    if _levels[channel] >= INFO:
        log(channel, INFO, msg, *args)


def debug(channel: str, msg: str, *args: Any) -> None:
    """Per-iteration / per-item detail."""
    if _levels[channel] >= DEBUG:
        log(channel, DEBUG, msg, *args)


# ------------------------------------------------------------------ the C++ runtime's store
def _native_module() -> Any:
    """``neml2.aoti._aoti`` if it is already loaded (never imported from here), else None."""
    mod = sys.modules.get("neml2.aoti._aoti")
    return mod if mod is not None and hasattr(mod, "_log_set_default_level") else None


def _attach_native(mod: Any) -> None:
    """Called by the extension as it loads: mirror this store's defaults into the C++ runtime."""
    for c in CHANNELS:
        mod._log_set_default_level(c, int(_defaults[c]))


reload_env()

__all__ = [
    "CHANNELS",
    "DEBUG",
    "INFO",
    "SILENT",
    "WARNING",
    "Level",
    "LogConfigError",
    "debug",
    "emit_line",
    "enabled",
    "format_line",
    "info",
    "level",
    "log",
    "parse",
    "parse_level",
    "reload_env",
    "set_default_level",
    "set_sink",
    "set_stream",
    "set_streams",
    "warning",
]
