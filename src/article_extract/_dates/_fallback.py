"""Last resort: dateparser, for the rare string our grammar does not cover.

Imported lazily (it costs ~100 ms to import and ~150 ms on its first call) and only reached
when our own reader found nothing in a string that still looks like a date: it has a month
name or a weekday of our lexicon and a 4-digit year. Every call passes language hints, a fixed
``RELATIVE_BASE`` and ``REQUIRE_PARTS`` so it cannot invent a day ("© 2019" → "January 1st")
or read "now" from the wall clock. Its answer is kept only if the year and day it returns are
numbers written in the text.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ._normalize import fold_with_map
from ._tokens import NUM, tokenize
from ._types import ParsedDate

__all__ = ["fallback"]

# Two distinct bases: if dateparser's answer moves with the base, it depended on "now".
_BASES = (datetime(2001, 2, 3, 4, 5, 6), datetime(2011, 12, 13, 14, 15, 16))


def _settings(base: datetime) -> dict[str, Any]:
    return {
        "RELATIVE_BASE": base,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def _canonical(text: str) -> tuple[str, set[int]] | None:
    """Folded text with our month names replaced by dateparser's Egyptian ones; numbers seen."""
    from ._grammar import GREGORIAN_YEARS
    from ._lexicon import Meaning

    folded = fold_with_map(text).text
    tokens = tokenize(folded)
    numbers = {t.value for t in tokens if t.kind == NUM and len(t.text) <= 4}
    if not any(n in GREGORIAN_YEARS for n in numbers):
        return None
    names = _EGYPTIAN
    pieces: list[str] = []
    last = 0
    useful = False
    for tok in tokens:
        meaning: Meaning | None = tok.meaning
        if meaning is not None and meaning.month is not None and meaning.month[0] == "gregorian":
            pieces.append(folded[last : tok.start])
            pieces.append(names[meaning.month[1] - 1])
            last = tok.end
            useful = True
        elif meaning is not None and meaning.weekday is not None:
            useful = True
    if not useful:
        return None
    pieces.append(folded[last:])
    return "".join(pieces), numbers


_EGYPTIAN = (
    "يناير", "فبراير", "مارس", "ابريل", "مايو", "يونيو",
    "يوليو", "اغسطس", "سبتمبر", "اكتوبر", "نوفمبر", "ديسمبر",
)  # fmt: skip


def fallback(text: str, reference: datetime | None) -> ParsedDate | None:
    """dateparser's reading of ``text`` when it is safe to take, else None."""
    prepared = _canonical(text)
    if prepared is None:
        return None
    canonical, numbers = prepared
    import dateparser

    results = []
    for base in _BASES if reference is None else (reference.replace(tzinfo=None),):
        results.append(dateparser.parse(canonical, languages=["ar"], settings=_settings(base)))
    value = results[0]
    if value is None or any(r != value for r in results):
        return None
    if value.year not in numbers or value.day not in numbers:
        return None
    has_time = bool(value.hour or value.minute or value.second)
    precision = "second" if value.second else ("minute" if has_time else "day")
    has_offset = value.tzinfo is not None
    return ParsedDate(
        value,
        precision,  # type: ignore[arg-type]
        text,
        (0, len(text)),
        has_offset,
        "gregorian",
        None,
        frozenset({"fallback"}),
    )
