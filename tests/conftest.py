"""Test-suite settings.

Hypothesis runs derandomised by default, so the suite (and CI) sees the same examples every
run; set HYPOTHESIS_PROFILE=explore to search with fresh random examples, more of them.
"""

from __future__ import annotations

import os

from hypothesis import settings

settings.register_profile("deterministic", max_examples=150, derandomize=True, database=None)
settings.register_profile("explore", max_examples=2000, derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))
