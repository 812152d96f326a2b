"""Publication and modification dates: every statement the page makes, then one documented choice.

All parsing goes through the date engine (``article_extract._dates``), metadata ISO strings
included. Candidates, by origin:

* ``json-ld``  — the article object's ``datePublished`` / ``dateModified``;
* ``meta``     — ``article:published_time``, ``pubdate``, ``date``… (``html_meta.toml``);
* ``microdata``— ``itemprop="datePublished"`` / ``"dateModified"``;
* ``time``     — ``<time datetime>`` near the headline;
* ``visible``  — the stamp printed near the headline (``published_text``);
* ``url``      — a ``/2013/…/8/3/`` or ``/2020/12/25/`` path.

Choice rules (tested in ``tests/test_html_dates.py``):

1. **Published** is the first plausible candidate in the order above (day precision or
   better; not before 1990; not after the caller's reference + 2 days).
2. **Local time labelled UTC**: if the chosen value says UTC and another structured candidate
   states the same wall-clock time with a non-zero offset, that one wins (a CMS that appends
   "+00:00" to local time).
3. **Visible stamp vs metadata offset**: when the chosen value has an offset and the visible
   stamp shows the same instant in another whole-quarter-hour offset (same minutes), the
   instant is re-expressed in the stamp's offset if the stamp (a) falls on another calendar day
   than the metadata's wall clock — the reader's day is the one printed — or (b) is written in
   the page's script (Arabic/Persian digits or month names), which only the publisher renders.
   A bare numeric stamp on the same day may be in a browser's or crawler's zone: metadata stands.
4. **Visible stamp vs disagreeing metadata**: when the chosen value is metadata (JSON-LD,
   meta, microdata, ``<time>``) and the printed publication stamp near the headline falls
   more than a day away from it, the stamp wins — readers see the printed date, and metadata
   is what templates get wrong (a creation date, a re-publication). The metadata value stays
   in ``date_conflicts``.
5. **URL date**: a date in the URL path is fixed when the article is created. If the chosen
   value comes from a visible stamp or ``<time>`` and is more than a day after the URL's date,
   it is a later update: the URL date becomes published and the stamp the modification date.
6. **Modified** is the first plausible modification candidate that is not earlier than
   published; earlier ones (a site bug) are reported as conflicts.
7. ``published_text`` is the visible stamp's text when it shows the chosen publication day.
8. Every candidate not chosen whose day disagrees with the choice is kept in ``date_conflicts``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from lxml.html import HtmlElement

from .._dates import DateRole, ParsedDate, find_dates, parse_date
from .._draft import DatedCandidate
from .._model import EARLIEST_PLAUSIBLE, FUTURE_TOLERANCE, DateOrigin, Options
from .._urls import url_date_text
from .index import TreeIndex
from .metadata import PageMeta
from .nearby import nearby_elements
from .rules import meta_rules

__all__ = ["DateChoice", "choose_dates"]

# Dates good enough to be "the publication date": a bare year or month is not.
_DAY_OR_BETTER = frozenset({"day", "hour", "minute", "second"})
_WITH_TIME = frozenset({"hour", "minute", "second"})
# Offsets real zones use are whole quarter hours within ±14 h.
_MAX_OFFSET = timedelta(hours=14)
_OFFSET_STEP = timedelta(minutes=15)
# A visible/time date this much after the URL's date is an update stamp, not the publication.
URL_DATE_SLACK = timedelta(days=1)
# Metadata and the printed stamp may differ by time zones and a late edit; beyond this they
# disagree about the day of publication, and the printed stamp is believed (rule 4).
VISIBLE_DISAGREEMENT = timedelta(days=1)
# "Written in the page's script": Arabic-script letters or Arabic-Indic/Persian digits.
_LOCAL_SCRIPT_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f]")


@dataclass(frozen=True, slots=True)
class _Found:
    candidate: DatedCandidate
    role: DateRole
    text: str | None = None  # the visible text, for visible stamps


@dataclass(frozen=True, slots=True)
class DateChoice:
    published: DatedCandidate | None = None
    modified: DatedCandidate | None = None
    published_text: str | None = None
    conflicts: tuple[DatedCandidate, ...] = ()


def _naive(value: datetime) -> datetime:
    return value.replace(tzinfo=None)


def _instant(value: datetime) -> datetime:
    """UTC wall clock for aware values; the value itself for naive ones."""
    offset = value.utcoffset()
    return _naive(value) - offset if offset is not None else value


def _plausible(parsed: ParsedDate, options: Options) -> bool:
    if parsed.precision not in _DAY_OR_BETTER:
        return False
    instant = _instant(parsed.value)
    if instant < EARLIEST_PLAUSIBLE:
        return False
    reference = options.reference
    return reference is None or instant <= _instant(reference) + FUTURE_TOLERANCE


def _parse(text: str | None, options: Options) -> ParsedDate | None:
    if not text or not text.strip():
        return None
    return parse_date(text.strip(), reference=options.reference)


def _structured(meta: PageMeta, options: Options) -> list[_Found]:
    found: list[_Found] = []

    def add(text: str | None, origin: DateOrigin, role: DateRole) -> None:
        parsed = _parse(text, options)
        if parsed is not None and _plausible(parsed, options):
            parsed = dataclasses.replace(parsed, role=role)
            found.append(_Found(DatedCandidate(parsed, origin), role))

    add(meta.ld("datePublished"), "json-ld", "published")
    add(meta.ld("dateCreated"), "json-ld", "published")
    add(meta.ld("dateModified"), "json-ld", "modified")
    for value in meta.all("published"):
        add(value, "meta", "published")
    for value in meta.all("modified"):
        add(value, "meta", "modified")
    add(meta.micro("datePublished"), "microdata", "published")
    add(meta.micro("dateCreated"), "microdata", "published")
    add(meta.micro("dateModified"), "microdata", "modified")
    return found


def _visible(index: TreeIndex, anchor: HtmlElement | None, options: Options) -> list[_Found]:
    """Stamps near the headline: ``<time datetime>`` first, then printed text."""
    table = meta_rules()
    found: list[_Found] = []
    for near in nearby_elements(
        index,
        anchor,
        table.date_tokens,
        table.teaser_tokens,
        extra_tags=("time",),
        after_headline=True,
    ):
        element = near.element
        if element.tag == "time" and element.get("datetime"):
            parsed = _parse(element.get("datetime"), options)
            if parsed is not None and _plausible(parsed, options):
                found.append(_Found(DatedCandidate(parsed, "time"), "published", near.text))
        for parsed in find_dates(near.text, reference=options.reference):
            if not _plausible(parsed, options):
                continue
            role: DateRole = "modified" if parsed.role == "modified" else "published"
            parsed = dataclasses.replace(parsed, role=role)
            found.append(_Found(DatedCandidate(parsed, "visible"), role, near.text))
        if any(f.candidate.origin == "visible" and f.role == "published" for f in found):
            break
    return found


def _same_minute(a: datetime, b: datetime) -> bool:
    return _naive(a).replace(second=0, microsecond=0) == _naive(b).replace(second=0, microsecond=0)


def _relabel_utc(chosen: _Found, others: Iterable[_Found]) -> _Found:
    """Rule 2: a local wall clock labelled UTC yields to the same clock with a real offset."""
    value = chosen.candidate.date.value
    if value.utcoffset() != timedelta(0):
        return chosen
    for other in others:
        other_value = other.candidate.date.value
        offset = other_value.utcoffset()
        if other.role == "published" and offset and _same_minute(other_value, value):
            return other
    return chosen


def _reconcile_with_stamp(chosen: _Found, stamp: _Found | None) -> _Found:
    """Rule 3: re-express a metadata instant in the printed stamp's offset."""
    if stamp is None or stamp is chosen:
        return chosen
    parsed = chosen.candidate.date
    shown = stamp.candidate.date
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
    zone = timezone(offset + diff)
    value = parsed.value.astimezone(zone)
    return _Found(
        DatedCandidate(dataclasses.replace(parsed, value=value), chosen.candidate.origin),
        chosen.role,
        chosen.text,
    )


def _prefer_disagreeing_stamp(chosen: _Found, stamp: _Found | None) -> _Found:
    """Rule 4: a printed stamp more than a day away from the metadata date wins."""
    if stamp is None or chosen.candidate.origin == "visible":
        return chosen
    gap = _naive(stamp.candidate.date.value) - _naive(chosen.candidate.date.value)
    return stamp if abs(gap) > VISIBLE_DISAGREEMENT else chosen


def _day(value: datetime) -> object:
    return _naive(value).date()


def choose_dates(
    meta: PageMeta,
    index: TreeIndex,
    anchor: HtmlElement | None,
    url: str | None,
    options: Options,
) -> DateChoice:
    """Apply the rules in the module docstring."""
    structured = _structured(meta, options)
    visible = _visible(index, anchor, options)
    url_found: list[_Found] = []
    url_parsed = _parse(url_date_text(url or meta.canonical), options)
    if url_parsed is not None and _plausible(url_parsed, options):
        url_found.append(_Found(DatedCandidate(url_parsed, "url"), "published"))
    candidates = structured + visible + url_found
    published_pool = [f for f in candidates if f.role == "published"]
    stamp = next(
        (f for f in visible if f.candidate.origin == "visible" and f.role == "published"), None
    )
    chosen = published_pool[0] if published_pool else None
    modified_pool = [f for f in candidates if f.role == "modified"]
    if chosen is not None:
        chosen = _relabel_utc(chosen, structured)
        chosen = _reconcile_with_stamp(chosen, stamp)
        chosen = _prefer_disagreeing_stamp(chosen, stamp)
        if url_found and chosen.candidate.origin in ("visible", "time"):
            url_day = url_found[0].candidate.date.value
            if _naive(chosen.candidate.date.value) > _naive(url_day) + URL_DATE_SLACK:
                as_modified = dataclasses.replace(chosen.candidate.date, role="modified")
                modified_pool.insert(
                    0, _Found(DatedCandidate(as_modified, chosen.candidate.origin), "modified")
                )
                chosen = url_found[0]
    published = chosen.candidate if chosen is not None else None
    modified: DatedCandidate | None = None
    conflicts: list[DatedCandidate] = []
    for found in modified_pool:
        value = found.candidate.date.value
        if published is not None and _instant(value) < _instant(published.date.value):
            if not _same_minute(value, published.date.value):
                conflicts.append(found.candidate)
            continue
        if modified is None:
            modified = found.candidate
    if published is not None:
        day = _day(published.date.value)
        for found in published_pool:
            if found.candidate is not published and _day(found.candidate.date.value) != day:
                conflicts.append(found.candidate)
    text = None
    if (
        published is not None
        and stamp is not None
        and stamp.text
        and _day(stamp.candidate.date.value) == _day(published.date.value)
    ):
        text = stamp.text
    return DateChoice(published, modified, text, tuple(dict.fromkeys(conflicts)))
