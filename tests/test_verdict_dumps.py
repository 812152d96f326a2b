"""Both sides of the verdict on text and Markdown dumps.

A listing's dump (headlines over one-line summaries, no date) is refused by the golden fixtures
``nonarticle-dump-*``; here, the other side: every article dump the suite ships, with every
short line that states a date removed, is still an article. An undated article dump keeps its
headline line as article evidence unless its body is a run of teasers or of list items.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from article_extract import extract
from article_extract._dates import find_dates

FIXTURES = Path(__file__).parent / "fixtures"
# A stamp line ("الخميس 06 يناير 2022 - 10:30", or a byline and two stamps) is short; a
# paragraph that mentions a date is not removed.
MAX_STAMP_WORDS = 30


def _article_dumps() -> list[Path]:
    found = sorted(FIXTURES.glob("corpus-dumps/*/*.txt"))
    for folder in sorted(FIXTURES.iterdir()):
        expected = folder / "expected.json"
        if not expected.exists() or "error" in json.loads(expected.read_text("utf-8")):
            continue
        found += [p for p in (folder / "input.txt", folder / "input.md") if p.exists()]
    return found


def _undated(text: str) -> str:
    return "\n".join(
        line
        for line in text.split("\n")
        if not (len(line.split()) <= MAX_STAMP_WORDS and find_dates(line))
    )


@pytest.mark.parametrize("path", _article_dumps(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_an_article_dump_without_its_dates_is_still_an_article(path: Path) -> None:
    article = extract(_undated(path.read_text("utf-8")))
    assert article.body


def test_the_dumps_are_there_and_lose_their_dates() -> None:
    dumps = _article_dumps()
    assert len(dumps) >= 20
    dated = [p for p in dumps if extract(_undated(p.read_text("utf-8"))).published is not None]
    assert len(dated) <= len(dumps) // 10, dated
