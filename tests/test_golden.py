"""Golden tests: one folder per real page under tests/fixtures/<slug>/.

Each folder holds ``input.html`` or ``input.txt`` (the page as saved) and ``expected.json``,
written from the corpus gold and reviewed by reading the page. Keys present are checked:

* ``title``, ``published_text``, ``source``, ``site_name``, ``language``: exact equality;
* ``published`` / ``modified``: ISO 8601 as precise as the page states it — the article's value
  must agree to that precision (a date-only ``"2022-01-06"`` checks the day; an offset, if
  given, must match);
* ``authors``: exact list;
* ``blocks``: exact list of ``[kind, text]`` pairs;
* ``body`` + ``body_f1_min``: the gold body (one paragraph per line) and the floor the
  Arabic-normalised token F1 must reach (floors only rise);
* ``absent``: phrases that must appear nowhere in the title or body (site chrome);
* ``error``: the ExtractError ``code`` extraction must raise instead (non-article pages and
  non-pages); with it, ``reason``: the NotAnArticle ``reason`` (``"not_a_page"``…; a list
  when the page itself leaves two readings, e.g. a front page at a section-shaped URL), and
  ``names``: a phrase the error message must contain (what the input was recognised as);
  ``kind``/``note`` say what the page is, for the person reviewing the fixture;
* ``xfail``: the fixture's expectation is right but the code fails it — the key says what the
  code does wrong. Such fixtures run in ``test_article_side.py`` as strict xfails, not here;
  delete the key when the code is fixed.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from article_extract import Article, ExtractError, NotAnArticle, Options, extract
from article_extract._text import fold

FIXTURES = Path(__file__).parent / "fixtures"
CASES = sorted(
    p
    for p in FIXTURES.iterdir()
    if (p / "expected.json").exists()
    and "xfail" not in json.loads((p / "expected.json").read_text("utf-8"))
)
_TOKEN_RE = re.compile(r"\w+")


def _input_file(folder: Path) -> Path:
    (found,) = [p for p in folder.iterdir() if p.name.startswith("input.")]
    return found


def _f1(predicted: str, gold: str) -> float:
    pred = Counter(_TOKEN_RE.findall(fold(predicted)))
    ref = Counter(_TOKEN_RE.findall(fold(gold)))
    common = sum((pred & ref).values())
    if not common:
        return 0.0
    precision, recall = common / sum(pred.values()), common / sum(ref.values())
    return 2 * precision * recall / (precision + recall)


def _check_date(actual: datetime | None, expected: str) -> None:
    assert actual is not None, f"expected a date {expected}"
    if len(expected) == 10:  # date only
        assert actual.date().isoformat() == expected
        return
    want = datetime.fromisoformat(expected)
    got = actual
    if want.tzinfo is not None:
        assert got.utcoffset() == want.utcoffset(), (got.isoformat(), expected)
    digits = len(expected.split("T", 1)[1].split("+")[0].split("-")[0].split("Z")[0])
    shown = 8 if digits >= 8 else 5  # HH:MM:SS or HH:MM
    assert (
        got.replace(tzinfo=None).isoformat()[: 11 + shown]
        == want.replace(tzinfo=None).isoformat()[: 11 + shown]
    )


@pytest.mark.parametrize("folder", CASES, ids=[p.name for p in CASES])
def test_golden(folder: Path) -> None:
    expected: dict[str, Any] = json.loads((folder / "expected.json").read_text("utf-8"))
    reference = expected.get("reference")
    options = Options(reference=datetime.fromisoformat(reference) if reference else None)
    source = _input_file(folder)
    if "error" in expected:
        with pytest.raises(ExtractError) as caught:
            extract(source, url=expected.get("url"), options=options)
        assert caught.value.code == expected["error"]
        if "reason" in expected:
            assert isinstance(caught.value, NotAnArticle)
            allowed = expected["reason"]
            assert caught.value.reason in (allowed if isinstance(allowed, list) else [allowed])
        if "names" in expected:
            assert expected["names"] in caught.value.message
        return
    article: Article = extract(source, url=expected.get("url"), options=options)
    for key in ("title", "published_text", "source", "site_name", "language"):
        if key in expected:
            assert getattr(article, key) == expected[key], key
    for key in ("published", "modified"):
        if key in expected:
            if expected[key] is None:
                assert getattr(article, key) is None, key
            else:
                _check_date(getattr(article, key), expected[key])
    if "authors" in expected:
        assert list(article.authors) == expected["authors"]
    if "blocks" in expected:
        assert [[b.kind, b.text] for b in article.blocks] == expected["blocks"]
    if "body_f1_min" in expected:
        score = _f1(article.body, expected["body"])
        assert score >= expected["body_f1_min"], f"body F1 {score:.3f}"
    for phrase in expected.get("absent", []):
        assert phrase not in article.title
        assert phrase not in article.body
