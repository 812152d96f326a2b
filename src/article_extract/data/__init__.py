"""Rules kept as data: lexicons, month names, selectors, agency names.

Each table is a TOML file in this folder, read once on first use (never at import time) and
then shared read-only; the parsed table is kept in the user's cache folder (``_cache``), so
later processes skip the TOML parser. ``tests/test_data_integrity.py`` checks every table.
"""

from __future__ import annotations

import os
from functools import cache
from typing import Any

__all__ = ["example_path", "load_table"]

# The tables ship as plain files inside the package (never zipped: see pyproject's
# package-data), so a path is enough; importlib.resources costs ~7 ms of import time, and
# pathlib ~1 ms more than os.path.
_HERE = os.path.dirname(os.path.abspath(__file__))


@cache
def load_table(name: str) -> dict[str, Any]:
    """The parsed contents of ``data/<name>.toml`` (cached; treat the result as read-only)."""
    from .._cache import cached

    return cached(f"table-{name}", lambda: _parse(name))


def _parse(name: str) -> dict[str, Any]:
    import tomllib  # on first use: every table is loaded lazily, so import need not pay ~1.5 ms

    with open(os.path.join(_HERE, f"{name}.toml"), encoding="utf-8") as handle:
        return tomllib.loads(handle.read())


def example_path(name: str = "seed-maghreb.txt") -> str:
    """Filesystem path of a bundled example page (used by ``article-extract --example``)."""
    return os.path.join(_HERE, "examples", name)
