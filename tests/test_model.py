"""The Article model: validation, normalisation, serialisation and the pinned JSON Schema."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from article_extract import Article, Block, article_json_schema

SCHEMA_FILE = Path(__file__).parent / "data" / "article.schema.json"


def _article(**fields: Any) -> Article:
    base: dict[str, Any] = {
        "title": "عنوان الخبر",
        "blocks": [{"kind": "paragraph", "text": "نص الفقرة الأولى."}],
        "input_kind": "text",
    }
    base.update(fields)
    return Article.model_validate(base)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("عنوان\u00a0الخبر", "عنوان الخبر"),
        ("  عنوان   الخبر \n", "عنوان الخبر"),
        ("\u200fعنوان الخبر\u200e", "عنوان الخبر"),
        ("e\u0301te\u0301", "été"),  # NFC
        ("قـــال", "قـــال"),  # tatweel is the author's text: kept
    ],
)
def test_title_is_normalised(raw: str, clean: str) -> None:
    assert _article(title=raw).title == clean


def test_empty_title_is_rejected() -> None:
    with pytest.raises(ValidationError, match="title"):
        _article(title=" \u00a0 ")


def test_empty_body_is_rejected() -> None:
    with pytest.raises(ValidationError, match="body is empty"):
        _article(blocks=[])


def test_empty_block_is_rejected() -> None:
    with pytest.raises(ValidationError, match="block text is empty"):
        _article(blocks=[{"text": "\u200f "}])


def test_body_is_derived_from_blocks() -> None:
    article = _article(
        blocks=[
            {"kind": "paragraph", "text": "أ."},
            {"kind": "heading", "text": "ب"},
            {"kind": "paragraph", "text": "ج."},
        ]
    )
    assert article.body == "أ.\n\nب\n\nج."


def test_model_is_frozen_and_forbids_extra_fields() -> None:
    article = _article()
    with pytest.raises(ValidationError):
        article.title = "x"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="extra"):
        _article(subtitle="x")


@pytest.mark.parametrize(
    "value",
    [datetime(1989, 12, 31), datetime(1944, 1, 1, tzinfo=UTC)],
)
def test_dates_before_1990_are_rejected(value: datetime) -> None:
    with pytest.raises(ValidationError, match="before 1990"):
        _article(published=value)


def test_dates_before_1990_are_invalid_and_no_wall_clock_is_read() -> None:
    fields: dict[str, object] = {
        "title": "t",
        "blocks": [{"text": "b"}],
        "input_kind": "text",
        "published": datetime(1985, 3, 14),
    }
    with pytest.raises(ValidationError, match="before 1990"):
        Article.model_validate(fields)
    # Dates after the caller's reference are the date decision's business (kept and flagged
    # ``after_reference``); validation reads no clock.
    fields["published"] = datetime(2999, 1, 1)
    assert Article.model_validate(fields).published == datetime(2999, 1, 1)


@pytest.mark.parametrize("url", ["/relative/path", "ftp://x.org/a", "javascript:alert(1)", "x"])
def test_urls_must_be_absolute_http(url: str) -> None:
    with pytest.raises(ValidationError, match="absolute"):
        _article(url=url)


def test_json_keeps_arabic_unescaped() -> None:
    text = _article().model_dump_json()
    assert "عنوان الخبر" in text
    assert "\\u0639" not in text
    assert json.loads(text)["body"] == "نص الفقرة الأولى."


def test_block_defaults_to_paragraph() -> None:
    assert Block(text="x").kind == "paragraph"


def test_json_schema_is_the_pinned_contract() -> None:
    # The schema is public: a change must be deliberate. Regenerate with
    #   python -c "import json, article_extract as a; print(json.dumps(
    #       a.article_json_schema(), ensure_ascii=False, indent=2, sort_keys=True))"
    #   > tests/data/article.schema.json
    pinned = json.loads(SCHEMA_FILE.read_text("utf-8"))
    assert article_json_schema() == pinned
