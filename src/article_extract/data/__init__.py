"""Rules kept as data: lexicons, month names, selectors, agency names.

Each table is a TOML file in this folder, read once on first use (never at import time) and
then shared read-only. ``tests/test_data_integrity.py`` checks every table.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["example_path", "load_table"]

# The tables ship as plain files inside the package (never zipped: see pyproject's
# package-data), so a Path is enough; importlib.resources costs ~7 ms of import time.
_HERE = Path(__file__).parent


@cache
def load_table(name: str) -> dict[str, Any]:
    """The parsed contents of ``data/<name>.toml`` (cached; treat the result as read-only)."""
    return tomllib.loads((_HERE / f"{name}.toml").read_text(encoding="utf-8"))


def example_path(name: str = "seed-maghreb.txt") -> str:
    """Filesystem path of a bundled example page (used by ``article-extract --example``)."""
    return str(_HERE / "examples" / name)
