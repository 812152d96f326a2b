"""Publication and modification dates: one decision over every dated statement a page makes.

Evidence (:class:`DateEvidence`), from any input kind, each with its origin and role:

* ``json-ld``, ``meta``, ``microdata`` — what HTML metadata states;
* ``time`` — a ``<time datetime>`` near the headline;
* ``visible`` — a printed stamp near the headline (HTML) or in the header above the body (a
  dump); ``text`` is the printed element or line;
* ``url`` — a date in the page's URL path (``/2020/12/25/``).

Candidates rank by origin in that order, then in the order the path found them (nearest to
the headline first). Rules (tested in ``tests/test_decide_dates.py``):

0. **Plausible**: day precision or better, not before 1990. A candidate more than two days
   after ``Options.reference`` is *late*: it is chosen only when no on-time candidate exists,
   and then flagged ``after_reference`` (a reference earlier than the page's date never
   silently drops the date).
1. **Published** is the first plausible published candidate.
2. **Local time labelled UTC**: if it says UTC and another structured candidate states the same
   wall-clock time with a non-zero offset, that one wins (a CMS appending "+00:00").
3. **Printed stamp vs metadata offset**: when the chosen value has an offset and the printed
   stamp shows the same instant in another whole-quarter-hour offset, the instant is
   re-expressed in the stamp's offset if the stamp falls on another calendar day, or is
   written in the page's script (Arabic/Persian letters or digits).
4. **Printed stamp vs disagreeing metadata**: when the chosen value is metadata and the printed
   publication stamp is more than a day away from it, the stamp wins (readers see it; templates
   get metadata wrong). The metadata value stays in the conflicts.
5. **URL date**: a date in the URL is fixed when the article is created. If the chosen value is
   a printed stamp or ``<time>`` more than a day after it, it is a later update: the URL date
   becomes published and the stamp the modification date.
6. **Modified** is the first plausible modification candidate not earlier than published;
   earlier ones (a site bug) are conflicts.
7. **Zones**: published and modified are both aware or both naive. When the page states an
   offset for one of them and not for the other, the other takes that offset (flag
   ``offset_from_page``); ``Options.default_tz`` is then attached to values still naive (flag
   ``default_tz``), so a batch that sets it gets comparable datetimes.
8. ``published_text`` is the printed stamp's date expression (its label, such as "نشر في:" or
   "Posted:", left out) when the stamp shows the chosen publication day.
9. Every candidate not chosen whose day differs from the choice is kept as a conflict.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone, tzinfo
from typing import NamedTuple

from .._dates import ParsedDate
from .._model import EARLIEST_PLAUSIBLE, FUTURE_TOLERANCE, DateOrigin, Options, instant

__all__ = [
    "DAY_OR_BETTER",
    "DateDecision",
    "DateEvidence",
    "choose_dates",
    "is_plausible",
    "printed_date",
]

# Dates good enough to be "the publication date": a bare year or month is not.
DAY_OR_BETTER = frozenset({"day", "hour", "minute", "second"})
_WITH_TIME = frozenset({"hour", "minute", "second"})
# Offsets real zones use are whole quarter hours within ±14 h.
_MAX_OFFSET = timedelta(hours=14)
_OFFSET_STEP = timedelta(minutes=15)
# A printed/time date this much after the URL's date is an update stamp, not the publication.
URL_DATE_SLACK = timedelta(days=1)
# Metadata and the printed stamp may differ by time zones and a late edit; beyond this they
# disagree about the day of publication, and the printed stamp is believed (rule 4).
VISIBLE_DISAGREEMENT = timedelta(days=1)
# "Written in the page's script": Arabic-script letters or Arabic-Indic/Persian digits.
_LOCAL_SCRIPT_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")
# Origins in the order they are trusted for the publication date.
ORIGIN_ORDER: tuple[DateOrigin, ...] = ("json-ld", "meta", "microdata", "time", "visible", "url")
# What the page's markup states (not printed for readers, not in the URL).
_METADATA = frozenset({"json-ld", "meta", "microdata", "time"})
# A word printed after the date expression that still belongs to it ("20.15 Uhr") is short.
MAX_SUFFIX_CHARS = 4


class DateEvidence(NamedTuple):
    """A dated statement: the parsed date (its ``role`` says published or modified), where it
    came from, and for printed stamps the printed text."""

    date: ParsedDate
    origin: DateOrigin
    text: str | None = None

    @property
    def published(self) -> bool:
        return self.date.role != "modified"


class DateDecision(NamedTuple):
    published: datetime | None = None
    origin: DateOrigin | None = None
    precision: str | None = None
    published_text: str | None = None
    modified: datetime | None = None
    conflicts: tuple[DateEvidence, ...] = ()
    flags: frozenset[str] = frozenset()


def _naive(value: datetime) -> datetime:
    return value.replace(tzinfo=None)


def is_plausible(date: ParsedDate) -> bool:
    """Rule 0 without the reference: a day or better, not before 1990."""
    return date.precision in DAY_OR_BETTER and instant(date.value) >= EARLIEST_PLAUSIBLE


def _late(date: ParsedDate, reference: datetime | None) -> bool:
    return reference is not None and instant(date.value) > instant(reference) + FUTURE_TOLERANCE


def printed_date(evidence: DateEvidence) -> str:
    """The printed date expression without its label (rule 8)."""
    text = evidence.text or evidence.date.text
    start, end = evidence.date.span
    if evidence.date.text != text:
        return evidence.date.matched
    suffix = text[end:].strip().rstrip(".")
    if suffix and len(suffix) <= MAX_SUFFIX_CHARS and suffix.isalpha():
        return text[start:].strip()
    return text[start:end].strip()


def _day(evidence: DateEvidence) -> object:
    return _naive(evidence.date.value).date()


def _same_minute(a: datetime, b: datetime) -> bool:
    return _naive(a).replace(second=0, microsecond=0) == _naive(b).replace(second=0, microsecond=0)


def _relabel_utc(chosen: DateEvidence, others: Iterable[DateEvidence]) -> DateEvidence:
    """Rule 2."""
    value = chosen.date.value
    if value.utcoffset() != timedelta(0):
        return chosen
    for other in others:
        offset = other.date.value.utcoffset()
        if other.published and offset and _same_minute(other.date.value, value):
            return other
    return chosen


def _reconcile_with_stamp(chosen: DateEvidence, stamp: DateEvidence | None) -> DateEvidence:
    """Rule 3."""
    if stamp is None or stamp is chosen:
        return chosen
    parsed, shown = chosen.date, stamp.date
    if not parsed.has_offset or shown.has_offset or shown.precision not in _WITH_TIME:
        return chosen
    offset = parsed.value.utcoffset()
    if offset is None:
        return chosen
    wall = _naive(parsed.value).replace(second=0, microsecond=0)
    diff = _naive(shown.value).replace(second=0, microsecond=0) - wall
    if not diff or diff % _OFFSET_STEP or abs(offset + diff) > _MAX_OFFSET:
        return chosen
    other_day = _naive(shown.value).date() != _naive(parsed.value).date()
    localized = bool(_LOCAL_SCRIPT_RE.search(stamp.text or shown.matched))
    if not (other_day or localized):
        return chosen
    value = parsed.value.astimezone(timezone(offset + diff))
    return chosen._replace(date=dataclasses.replace(parsed, value=value))


def _prefer_disagreeing_stamp(chosen: DateEvidence, stamp: DateEvidence | None) -> DateEvidence:
    """Rule 4."""
    if stamp is None or chosen.origin not in _METADATA:
        return chosen
    gap = _naive(stamp.date.value) - _naive(chosen.date.value)
    return stamp if abs(gap) > VISIBLE_DISAGREEMENT else chosen


def _ranked(evidence: Sequence[DateEvidence], reference: datetime | None) -> list[DateEvidence]:
    """Plausible candidates by origin, then path order; late ones after all on-time ones."""
    plausible = [e for e in evidence if is_plausible(e.date)]
    order = {origin: rank for rank, origin in enumerate(ORIGIN_ORDER)}
    return sorted(plausible, key=lambda e: (_late(e.date, reference), order[e.origin]))


def _with_offset(value: datetime, zone: tzinfo | None) -> datetime:
    return value if value.tzinfo is not None or zone is None else value.replace(tzinfo=zone)


def choose_dates(evidence: Sequence[DateEvidence], options: Options) -> DateDecision:
    """Apply the rules in the module docstring."""
    reference = options.reference
    ranked = _ranked(evidence, reference)
    published_pool = [e for e in ranked if e.published]
    modified_pool = [e for e in ranked if not e.published]
    stamp = next((e for e in published_pool if e.origin == "visible"), None)
    url_date = next((e for e in published_pool if e.origin == "url"), None)
    structured = [e for e in published_pool if e.origin in _METADATA]
    flags: set[str] = set()
    chosen = published_pool[0] if published_pool else None
    if chosen is not None:
        chosen = _relabel_utc(chosen, structured)
        chosen = _reconcile_with_stamp(chosen, stamp)
        chosen = _prefer_disagreeing_stamp(chosen, stamp)
        if (
            url_date is not None
            and chosen.origin in ("visible", "time")
            and _naive(chosen.date.value) > _naive(url_date.date.value) + URL_DATE_SLACK
        ):
            as_modified = dataclasses.replace(chosen.date, role="modified")
            modified_pool.insert(0, chosen._replace(date=as_modified))
            chosen = url_date
        if _late(chosen.date, reference):
            flags.add("after_reference")
        flags.update(chosen.date.flags)
    modified: DateEvidence | None = None
    conflicts: list[DateEvidence] = []
    for found in modified_pool:
        if chosen is not None and instant(found.date.value) < instant(chosen.date.value):
            if not _same_minute(found.date.value, chosen.date.value):
                conflicts.append(found)
            continue
        if modified is None:
            modified = found
    if chosen is not None:
        conflicts += [e for e in published_pool if e is not chosen and _day(e) != _day(chosen)]
    published_value = chosen.date.value if chosen is not None else None
    modified_value = modified.date.value if modified is not None else None
    published_value, modified_value = _one_kind_of_clock(published_value, modified_value, flags)
    naive = [v for v in (published_value, modified_value) if v is not None and v.tzinfo is None]
    if options.default_tz is not None and naive:
        flags.add("default_tz")
        published_value = published_value and _with_offset(published_value, options.default_tz)
        modified_value = modified_value and _with_offset(modified_value, options.default_tz)
    text = None
    if stamp is not None and chosen is not None and _day(stamp) == _day(chosen):
        text = printed_date(stamp)
    return DateDecision(
        published=published_value,
        origin=chosen.origin if chosen is not None else None,
        precision=chosen.date.precision if chosen is not None else None,
        published_text=text,
        modified=modified_value,
        conflicts=tuple(dict.fromkeys(conflicts)),
        flags=frozenset(flags),
    )


def _one_kind_of_clock(
    published: datetime | None, modified: datetime | None, flags: set[str]
) -> tuple[datetime | None, datetime | None]:
    """Rule 7: the page's stated offset for one of its stamps applies to the other."""
    if published is None or modified is None:
        return published, modified
    if (published.tzinfo is None) == (modified.tzinfo is None):
        return published, modified
    flags.add("offset_from_page")
    if published.tzinfo is None:
        offset = modified.utcoffset()
        return published.replace(tzinfo=timezone(offset) if offset is not None else None), modified
    offset = published.utcoffset()
    return published, modified.replace(tzinfo=timezone(offset) if offset is not None else None)
