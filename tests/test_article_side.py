"""Golden fixtures whose expectation is right and the code is not (issue 9, the article side).

A fixture lands here when its ``expected.json`` carries an ``xfail`` key: what the code does
wrong on it (refused as a listing, a widget line taken as the headline, chrome kept in the
body…). ``test_golden`` skips those; this module runs the same golden check on them as strict
xfails, so fixing the code turns the run red (XPASS) until the key is deleted and the fixture is
a plain golden again. The expectations are never weakened to pass.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import test_golden as golden


def _expected(folder: Path) -> dict[str, Any]:
    path = folder / "expected.json"
    return json.loads(path.read_text("utf-8")) if path.exists() else {}


KNOWN_FAILURES = sorted(p for p in golden.FIXTURES.iterdir() if "xfail" in _expected(p))


@pytest.mark.parametrize(
    "folder",
    [
        pytest.param(
            folder, marks=pytest.mark.xfail(strict=True, reason=_expected(folder)["xfail"])
        )
        for folder in KNOWN_FAILURES
    ],
    ids=[p.name for p in KNOWN_FAILURES],
)
def test_article_side(folder: Path) -> None:
    golden.test_golden(folder)
