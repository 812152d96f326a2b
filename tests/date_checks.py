"""Helpers the date tests share: the notation of their tables, and the one-line check."""

from __future__ import annotations

from datetime import datetime

from article_extract import ParsedDate, parse_date


def expected(parsed: ParsedDate | None) -> str | None:
    """The value in the notation of the test tables (ParsedDate.isoformat)."""
    return parsed.isoformat() if parsed is not None else None


def check(text: str, want: str | None, reference: datetime | None = None) -> ParsedDate | None:
    parsed = parse_date(text, reference=reference)
    assert expected(parsed) == want, (text, parsed)
    return parsed
