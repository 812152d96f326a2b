"""Rules kept as data: lexicons, month names, selectors, agency names.

Each table is a TOML file in this folder, read once on first use (never at import time) and
then shared read-only. ``tests/test_data_integrity.py`` checks every table.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["example_path", "load_table"]


@cache
def load_table(name: str) -> dict[str, Any]:
    """The parsed contents of ``data/<name>.toml`` (cached; treat the result as read-only)."""
    text = resources.files(__name__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def example_path(name: str = "seed-maghreb.txt") -> str:
    """Filesystem path of a bundled example page (used by ``article-extract --example``)."""
    return str(resources.files(__name__).joinpath("examples", name))
