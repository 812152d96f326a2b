"""The Arabic date engine: ``parse_date`` for one expression, ``find_dates`` inside running text.

Everything the rest of the library knows about dates goes through these two functions, and
three questions a line's layout asks of the same grammar: ``label_start`` (where the label of
a labelled date begins: a byline and a stamp on one line are split there), ``bare_clock`` (a
line that is only a time of day: a live blog's entry stamp) and ``labelled_clock`` (a line
that ends with a labelled time and no day: a live blog's status line).

Layout (one concern per module)::

    _types      ParsedDate and the Literal types
    _normalize  folding with a position map (spans index the caller's text); full-width digits
    _lexicon    data/dates_*.toml → folded word → Meaning; the tables as whole-token regexes
    _tokens     linear tokenizer, multi-word names merged; a Han or kana character is a token
    _grammar    absolute date cores (numeric, month names, double forms, 2025年1月13日, era
                years 令和7年, Chinese numerals 二〇二四年七月三日)
    _clock      clock times (HH:MM, 12-hour periods, HH.MM after a date, 午後9時37分), zones
                and offsets
    _relative   منذ/قبل/أمس, 3時間前/3시간 전/昨日 … against the caller's reference
    _calendars  Hijri (hijridate, Umm al-Qura), solar Hijri, month arithmetic
    _values     parts → datetime, precision, flags, role (the one value builder)
    _engine     parse_date / find_dates: pre-filter, scan, extend, merge Hijri+Gregorian
    _fast       the commonest whole-string shapes (ISO 8601 included) as one regex generated
                from the tables, valued by _values; tests check it never disagrees with _engine
    _fallback   dateparser, lazily imported, hinted, checked

One parser: every value ``parse_date`` reads with the grammar is among ``find_dates`` of the
same string (tests/test_dates_properties.py); the fast path is a shortcut to the same answer,
and the pre-filter that lets ``find_dates`` skip text is derived from the lexicon.

Flags a result may carry (guesses are never silent):

* ``day_first_assumed``: numeric d/m/Y with both parts ≤ 12, read day first (Arabic usage);
  ``month_first``: day-first was impossible ("12/25/2020"); ``month_first_by_weekday``: the
  stated weekday only fits the month-first reading;
* ``hijri_assumed``: a numeric date with a 14xx year and no era, read as Hijri;
* ``weekday_mismatch``: the stated weekday does not fit the date (kept, not "corrected");
* ``year_inferred``: no year written, the one nearest the reference taken;
  ``year_from_context``: taken from the full date right after ("28 فبراير - 3 مارس 2020");
* ``date_range``: the first day of "6 و 7 يناير 2022";
* ``mixed_calendar``: a Hijri + Gregorian line, valued by its Gregorian part;
  ``calendar_disagreement``: the Hijri part converts (Umm al-Qura) to another day;
* ``relative``: resolved against the caller's reference;
* ``zone_unknown``: a zone was named but the tz database has no offset for it;
* ``fallback``: read by dateparser, not by our grammar.

Relative dates ("منذ 3 ساعات", "أمس") are resolved only against the caller's ``reference``;
without one they yield nothing (``parse_date`` returns None, ``find_dates`` skips them), never
"now" from the wall clock.
"""

from __future__ import annotations

from ._engine import (
    bare_clock,
    date_label,
    find_dates,
    is_date_label,
    label_start,
    labelled_clock,
    parse_date,
)
from ._types import Calendar, DateRole, ParsedDate, Precision

__all__ = [
    "Calendar",
    "DateRole",
    "ParsedDate",
    "Precision",
    "bare_clock",
    "date_label",
    "find_dates",
    "is_date_label",
    "label_start",
    "labelled_clock",
    "parse_date",
]
