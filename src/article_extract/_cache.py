"""Parsed tables kept between processes: one JSON file per table in the user's cache folder.

Parsing the TOML rule tables with the pure-Python ``tomllib`` takes tens of milliseconds, which
every process would pay again on its first ``extract()`` call; the C JSON parser reads the
same data about ten times quicker. :func:`cached` writes a parsed value once and later
processes read it back. Each file carries the fingerprint of the package that wrote it
(version, Python version, and the size and modification time of every code and data file of
the package), so an upgrade or an edited table rebuilds it. JSON, not pickle: reading a cache
file can never run code, whoever wrote it.

The folder is ``$ARTICLE_EXTRACT_CACHE`` if set, else ``article_extract`` under
``$XDG_CACHE_HOME`` (``~/.cache``; ``%LOCALAPPDATA%`` on Windows), with one subfolder per
installed copy of the package. ``ARTICLE_EXTRACT_CACHE=off`` turns the cache off.

The cache can only cost a rebuild, never an error: a missing or read-only folder, a corrupt,
stale or foreign file, or another process writing the same file at the same moment all mean
"build the value as if there were no cache". A file is written to a temporary name and renamed
over the old one, so a reader sees a whole file or none.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import threading
import zlib
from collections.abc import Callable
from functools import cache
from typing import Any

__all__ = ["CACHE_ENV", "cache_folder", "cached", "fingerprint"]

# Names the folder, or "off" (also "0", "no", "false", "") to turn the cache off.
CACHE_ENV = "ARTICLE_EXTRACT_CACHE"
_OFF = frozenset({"off", "0", "no", "false", ""})
# Bumped when the file layout changes, so an old file is never misread.
_FORMAT = 1
_PACKAGE = os.path.dirname(os.path.abspath(__file__))
# What the package's behaviour depends on: its code and its data tables.
_SOURCE_SUFFIXES = (".py", ".toml")


@cache
def fingerprint() -> str:
    """The identity of this copy of the package: a stored value is valid for it alone."""
    from . import __version__

    files: list[tuple[str, int, int]] = []
    folders = [_PACKAGE]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir() and entry.name != "__pycache__":
                    folders.append(entry.path)
                elif entry.name.endswith(_SOURCE_SUFFIXES):
                    info = entry.stat()
                    files.append((entry.path, info.st_size, info.st_mtime_ns))
    return json.dumps([_FORMAT, __version__, sys.version, sorted(files)])


def cache_folder() -> str | None:
    """Where this copy of the package keeps its built tables; None when the cache is off."""
    chosen = os.environ.get(CACHE_ENV)
    if chosen is not None:
        return None if chosen.strip().lower() in _OFF else chosen
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    # One subfolder per installed copy: two virtualenvs do not overwrite each other's files.
    copy = f"{zlib.crc32(_PACKAGE.encode('utf-8', 'surrogatepass')):08x}"
    return os.path.join(base, "article_extract", copy)


def cached(name: str, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """``build()``, or the value a previous process built and stored under ``name``.

    ``build`` must return JSON data (a dict with string keys holding lists, strings, numbers,
    booleans, None: a parsed TOML table) that depends only on the package's code and tables."""
    folder = cache_folder()
    if folder is None:
        return build()
    path = os.path.join(folder, f"{name}.json")
    found = _read(path)
    if found is not None:
        return found
    value = build()
    _write(folder, path, value)
    return value


def _read(path: str) -> dict[str, Any] | None:
    try:
        with open(path, encoding="utf-8") as handle:
            stored = json.load(handle)
        stamp, value = stored["fingerprint"], stored["value"]
    except Exception:  # missing, unreadable, truncated, corrupt, another layout: rebuild
        return None
    return value if stamp == fingerprint() and isinstance(value, dict) else None


def _write(folder: str, path: str, value: dict[str, Any]) -> None:
    # A name no other writer uses (process and thread), then an atomic rename over the old file.
    temporary = f"{path}.{os.getpid()}.{threading.get_ident()}.tmp"
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        with open(temporary, "x", encoding="utf-8") as handle:
            json.dump({"fingerprint": fingerprint(), "value": value}, handle)
        os.replace(temporary, path)
    except Exception:  # read-only or full disk, a value JSON cannot hold…: no cache
        with contextlib.suppress(OSError):
            os.remove(temporary)
