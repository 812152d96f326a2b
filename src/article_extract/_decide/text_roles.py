"""What a short piece of text is, by its wording: a date stamp or an in-body subheading.

Both input paths ask these questions of their lines and blocks, so the answers are defined
once here (captions and credit lines: :mod:`article_extract._byline`):

* :func:`is_stamp_line` — a short line that is mostly a date ("تم نشره الجمعة 24 أبريل 2020
  09:22 مساءً", "Bruselas - 15 oct 2024 - 08:22") or carries a labelled one ("Posted: …"),
  not a sentence that mentions one;
* :func:`is_subheading` — a short line set apart from the text (its own line, bold, or cut by
  ``<br>``) that does not end like a sentence and introduces a longer paragraph.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._dates import ParsedDate, find_dates
from .._text import ends_like_sentence

__all__ = [
    "MAX_STAMP_WORDS",
    "MAX_SUBHEADING_WORDS",
    "is_stamp_line",
    "is_subheading",
    "stamp_coverage",
]

# A date stamp is one short line; a longer one is a sentence that mentions a date.
MAX_STAMP_WORDS = 24
# Share of a short line its dates must cover for it to be a stamp rather than a sentence.
STAMP_COVERAGE = 0.45
# An in-body subheading is short.
MAX_SUBHEADING_WORDS = 12
# ... and the paragraph after it at least this many times longer.
SUBHEADING_FOLLOWER_RATIO = 2
# A subheading ending in one of these is a clause or a list lead-in, not a heading.
_CLAUSE_ENDS = frozenset(",،;؛")


def stamp_coverage(text: str, dates: Sequence[ParsedDate]) -> float:
    """Share of ``text`` that the date expressions (found in ``text``) cover."""
    covered = sum(d.span[1] - d.span[0] for d in dates)
    return min(1.0, covered / len(text)) if text else 0.0


def is_stamp_line(text: str, dates: Sequence[ParsedDate] | None = None) -> bool:
    """Is ``text`` a date stamp — mostly a date, or a short line (byline and all) with a
    labelled date ("Jane Doe · CBC News · Posted: Aug 08, 2024 4:00 AM EDT | Updated …") that
    does not end like a sentence? ``dates`` are ``find_dates(text)`` when the caller has them."""
    if len(text.split()) > MAX_STAMP_WORDS:
        return False
    if dates is None:
        if not any(ch.isdigit() for ch in text):
            return False
        dates = find_dates(text)
    if not dates:
        return False
    if stamp_coverage(text, dates) >= STAMP_COVERAGE:
        return True
    return any(d.role for d in dates) and not ends_like_sentence(text)


def is_subheading(text: str, following: str | None, *, set_apart: bool) -> bool:
    """Is ``text`` an in-body subheading before the block ``following``?"""
    words = text.split()
    if not set_apart or not words or len(words) > MAX_SUBHEADING_WORDS:
        return False
    if ends_like_sentence(text) or text[-1] in _CLAUSE_ENDS:
        return False
    return following is not None and len(following) >= SUBHEADING_FOLLOWER_RATIO * len(text)
