"""The header cluster above a dump's body: title, dates, byline, source, section, site name.

Read backwards from the body's first line within ``HEADER_WINDOW`` lines. Each role is chosen
by scoring candidates on layout evidence that holds across sites (the title sits next to the
date, repeats the document ``<title>``, is longer than a label; a section name also appears in
the menus; a byline follows the title), never by a site's wording.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from .._dates import ParsedDate
from .._lexicon import match_key
from .._text import fold
from .layout import BodySpan, is_caption, line_weight
from .lines import Line

__all__ = ["Header", "read_header", "split_document_title"]

# How many lines above the body the header may span (breadcrumb, section, title, date,
# byline, caption…). Chrome lines (share buttons, "print") do not count: some pages put a
# dozen of them between the headline and the text.
HEADER_WINDOW = 14
# The body span may open with a standfirst or caption before the byline and date stamp: its
# first lines are searched for those too.
EMBEDDED_HEADER_LINES = 4
# A headline is at least this long (in words) and at most this long.
MIN_TITLE_UNITS = 2
MAX_TITLE_UNITS = 45
# Fewer words than this is more likely a section label than a headline.
MIN_HEADLINE_UNITS = 4
# A byline-and-date line ("Jane Doe · Posted: Aug 8, 2024 4:00 AM | Updated …") is this short.
MAX_LABELLED_STAMP_UNITS = 24
# Meta lines (author name, section, site name) are short.
MAX_META_UNITS = 6
# The precision a date needs to be a publication date (a bare year or month is not).
_DAY_PRECISIONS = frozenset({"day", "hour", "minute", "second"})

# A line that is only a URL (text browsers print link targets).
_URL_LINE_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
# Separators between a headline and the site name in a document <title>.
_TITLE_SEPARATOR_RE = re.compile(r"(?<!\s)\s+[-|–—:•·»]{1,2}\s+|(?<!\s)\s*\|\s*")
# Words that never occur in a personal name: prepositions and the like (folded forms).
_NON_NAME_WORDS = frozenset(
    fold(w)
    for w in [
        "في",
        "من",
        "على",
        "إلى",
        "الى",
        "عن",
        "تحت",
        "فوق",
        "مع",
        "بين",
        "حول",
        "عبر",
        "اليوم",
        "نيوز",
        "news",
        "the",
        "of",
        "and",
    ]
)


@dataclass(frozen=True, slots=True)
class Header:
    """What the header cluster says; ``used`` holds the line indices it consumed."""

    title: str | None = None
    standfirst: str | None = None  # the summary right below the headline, part of the body
    published: ParsedDate | None = None
    published_text: str | None = None
    modified: ParsedDate | None = None
    authors: tuple[str, ...] = ()
    source: str | None = None
    section: str | None = None
    site_name: str | None = None
    used: frozenset[int] = frozenset()


def split_document_title(line: str) -> tuple[str, str | None]:
    """ "headline - Site" → ("headline", "Site"); the longer part is the headline."""
    parts = [p.strip() for p in _TITLE_SEPARATOR_RE.split(line) if p.strip()]
    if len(parts) < 2:
        return line, None
    head, *rest = parts
    tail = parts[-1]
    if len(tail) < len(head):
        return " - ".join([head, *rest[:-1]]) if rest[:-1] else head, tail
    return tail, head


def _is_title_candidate(line: Line) -> bool:
    return (
        not line.chrome
        and not _URL_LINE_RE.match(line.text)
        and not line.is_date_line
        and line.attribution is None
        and not is_caption(line)
        and MIN_TITLE_UNITS <= line.units <= MAX_TITLE_UNITS
    )


def _nearest_above(candidates: Sequence[Line], index: int | None) -> Line | None:
    """The headline-like candidate closest above line ``index`` (names and labels skipped)."""
    if index is None:
        return None
    above = [
        c
        for c in candidates
        if c.index < index and c.units >= MIN_HEADLINE_UNITS and not _looks_like_name(c.text)
    ]
    return max(above, key=lambda c: c.index, default=None)


def _title_score(
    line: Line,
    *,
    body_start: int,
    next_to_date: Line | None,
    counts: Counter[str],
    doc_title: str,
    chrome_between: int,
    plain_of_decorated: bool,
) -> float:
    key = line.key
    score = min(line.units, 12) / 12
    if doc_title and (key == doc_title or doc_title.startswith(key)):
        score += 2.0
    if counts[key] > 1:
        score += 1.0
    if line is next_to_date:
        score += 1.5
    if plain_of_decorated:
        score += 1.0  # the bare headline of a line that repeats it with a site/section name
    if _looks_like_name(line.text):
        score -= 1.0  # a byline name, not a headline
    if line.units < MIN_HEADLINE_UNITS:
        score -= 1.0  # a section label
    if line.text.endswith(".") and not line.text.endswith(".."):
        score -= 1.0  # headlines rarely end with a full stop; captions and leads do
    if line.sentence_like and line.inner_punct >= 2 and line.units >= 25:
        score -= 1.5  # reads like a lead paragraph
    score -= 0.1 * (body_start - line.index) + 0.5 * chrome_between
    return score


def _date_of(line: Line) -> tuple[ParsedDate | None, ParsedDate | None]:
    published = next(
        (d for d in line.dates if d.role != "modified" and d.precision in _DAY_PRECISIONS), None
    )
    modified = next(
        (d for d in line.dates if d.role == "modified" and d.precision in _DAY_PRECISIONS), None
    )
    return published, modified


def _date_line(window: Sequence[Line]) -> Line | None:
    """The header's date stamp: the nearest line that is mostly a date, else a short line with a
    labelled date ("Posted: …", "نشر في …"). A date inside a caption or a sentence is not one."""
    stamps = [ln for ln in window if ln.dates and not is_caption(ln) and any(_date_of(ln))]
    line = next((ln for ln in reversed(stamps) if ln.is_date_line), None)
    if line is None:
        line = next(
            (
                ln
                for ln in reversed(stamps)
                if ln.units <= MAX_LABELLED_STAMP_UNITS and any(d.role for d in ln.dates)
            ),
            None,
        )
    return line


def _looks_like_name(text: str) -> bool:
    text = re.split(r"\s+[-–—ـ]+\s+", text, maxsplit=1)[0]  # "name - city"
    words = text.split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() for ch in text):
        return False
    folded = [fold(w) for w in words]
    if folded[0].startswith("ال") or any(w in _NON_NAME_WORDS for w in folded):
        return False
    return all(w.isalpha() or w.replace(".", "").isalpha() for w in folded)


def read_header(lines: Sequence[Line], span: BodySpan) -> Header:
    """Read the header cluster above ``span``."""
    window = _header_window(lines, span)
    counts = Counter(line.key for line in lines)
    doc_title_text = lines[0].text if lines else ""
    doc_headline, doc_site = split_document_title(doc_title_text)
    # Only a first line that names a site ("headline - Site") is taken for the page's <title>.
    doc_title = match_key(doc_headline) if doc_site is not None else ""

    date_line = _date_line(window)
    candidates = [line for line in window if _is_title_candidate(line) and line.index > 0]
    next_to_date = _nearest_above(candidates, date_line.index if date_line else None)
    standfirst = _standfirst_below_headline(next_to_date, candidates)
    if standfirst is not None:
        # headline, standfirst, byline/date: the date's neighbour is the standfirst.
        next_to_date = next(c for c in candidates if c.index == standfirst.index - 1)
    decorated = _decorated_repeats(candidates)
    chrome_below = _chrome_counts_below(window)
    title_line = max(
        candidates,
        key=lambda ln: _title_score(
            ln,
            body_start=span.start,
            next_to_date=next_to_date,
            counts=counts,
            doc_title=doc_title,
            chrome_between=chrome_below[ln.index],
            plain_of_decorated=ln.index in decorated,
        ),
        default=None,
    )
    if standfirst is not None and (title_line is None or standfirst.index != title_line.index + 1):
        standfirst = None
    if title_line is None and doc_title_text and lines and lines[0].index < span.start:
        title_line = lines[0] if doc_site is None else None
    title = title_line.text if title_line else (doc_headline if doc_site else None)

    used: set[int] = set()
    if title_line is not None:
        used.add(title_line.index)
    published = modified = None
    published_text = None
    if date_line is not None:
        published, modified = _date_of(date_line)
        used.add(date_line.index)
        if published is not None:
            published_text = date_line.text if date_line.is_date_line else published.matched

    authors: tuple[str, ...] = ()
    source: str | None = None
    for line in window:
        if line.attribution is None:
            continue
        used.add(line.index)
        authors = authors or line.attribution.authors
        source = source or line.attribution.source

    section, site_name, name_author = _meta_lines(window, title_line, counts, used)
    if not authors and name_author:
        authors = (name_author,)
    if (
        site_name is None
        and doc_site is not None
        and title_line is not None
        and doc_title.startswith(title_line.key)
    ):
        site_name = doc_site
    if standfirst is not None:
        used.add(standfirst.index)
    return Header(
        title=title,
        standfirst=standfirst.text if standfirst is not None else None,
        published=published,
        published_text=published_text,
        modified=modified,
        authors=authors,
        source=source,
        section=section,
        site_name=site_name,
        used=frozenset(used),
    )


def _header_window(lines: Sequence[Line], span: BodySpan) -> list[Line]:
    """Lines above the body, up to HEADER_WINDOW of them that are not chrome, and the byline
    and date lines that sit among the body's first lines (after a standfirst or a caption)."""
    start = span.start
    counted = 0
    while start > 0 and counted < HEADER_WINDOW:
        start -= 1
        counted += not lines[start].chrome
    embedded = [
        ln
        for ln in lines[span.start : min(span.end, span.start + EMBEDDED_HEADER_LINES)]
        if ln.is_date_line or ln.attribution is not None or (ln.dates and line_weight(ln) <= 0)
    ]
    return [*lines[start : span.start], *embedded]


def _standfirst_below_headline(
    next_to_date: Line | None, candidates: Sequence[Line]
) -> Line | None:
    """The line next to the date when it is a standfirst: longer, right below a headline."""
    if next_to_date is None:
        return None
    above = next((c for c in candidates if c.index == next_to_date.index - 1), None)
    if (
        above is None
        or above.units < MIN_HEADLINE_UNITS
        or _looks_like_name(above.text)
        or next_to_date.units <= above.units
    ):
        return None
    return next_to_date


def _decorated_repeats(candidates: Sequence[Line]) -> set[int]:
    """Candidates whose text another, longer candidate repeats with additions
    ("Haberler Gündem <headline> - Güncel haberler"): the shorter one is the bare headline."""
    plain: set[int] = set()
    for short in candidates:
        if short.units < MIN_HEADLINE_UNITS:
            continue
        if any(len(o.key) > len(short.key) and short.key in o.key for o in candidates):
            plain.add(short.index)
    return plain


def _chrome_counts_below(window: list[Line]) -> dict[int, int]:
    """For each window line, how many chrome lines lie between it and the body."""
    counts: dict[int, int] = {}
    seen = 0
    for line in reversed(window):
        counts[line.index] = seen
        seen += line.chrome
    return counts


def _meta_lines(
    window: list[Line], title_line: Line | None, counts: Counter[str], used: set[int]
) -> tuple[str | None, str | None, str | None]:
    """Short unlabelled lines around the title: (section, site name, author name).

    A label that also appears elsewhere on the page (menus, breadcrumbs) is a section; a
    personal name below the title is the author; another short phrase is the site's name.
    """
    section = site_name = author = None
    after_title = [ln for ln in window if title_line is None or ln.index > title_line.index]
    for line in window:
        if line.index in used or line.chrome or line.dates or line.units > MAX_META_UNITS:
            continue
        if line.sentence_like or is_caption(line):
            continue
        key = line.key
        if counts[key] > 1 or (title_line is not None and line.index < title_line.index):
            if section is None or (title_line and line.index < title_line.index):
                section = line.text
            continue
        if line in after_title:
            name = re.split(r"\s+[-–—ـ]+\s+", line.text, maxsplit=1)[0]
            if _looks_like_name(name):
                author = name  # the nearest to the body wins (later lines overwrite)
                used.add(line.index)
            elif site_name is None and line.units >= 2:
                site_name = line.text
                used.add(line.index)
    return section, site_name, author
