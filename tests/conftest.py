"""Test-suite settings.

Hypothesis runs derandomised by default, so the suite (and CI) sees the same examples every
run; set HYPOTHESIS_PROFILE=explore to search with fresh random examples, more of them, and
HYPOTHESIS_PROFILE=long for a long hunt (the hostile-input property tests of test_robustness.py).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import tempfile

import pytest
from hypothesis import settings

# The suite keeps the built-table cache (article_extract._cache) in a folder of its own, not in
# the user's cache folder; subprocesses inherit it. A value set by the caller ("off") wins.
if "ARTICLE_EXTRACT_CACHE" not in os.environ:
    _CACHE = tempfile.mkdtemp(prefix="article-extract-cache-")
    os.environ["ARTICLE_EXTRACT_CACHE"] = _CACHE
    atexit.register(shutil.rmtree, _CACHE, ignore_errors=True)

settings.register_profile("deterministic", max_examples=150, derandomize=True, database=None)
settings.register_profile("explore", max_examples=2000, derandomize=False)
settings.register_profile("long", max_examples=20_000, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))


@pytest.fixture(scope="session")
def warm_extract() -> None:
    """Pay the one-time costs (rule tables, lazily compiled regexes, dateparser's import and
    first call) before a test times extract() on one input."""
    import dateparser

    import hostile_inputs
    from article_extract import ExtractError, extract

    for _, page in hostile_inputs.fixture_pages(max_bytes=100_000):
        with contextlib.suppress(ExtractError):
            extract(page)
    dateparser.parse("6 يناير 2022", languages=["ar"])
