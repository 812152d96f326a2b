"""The header cluster above a dump's body: the evidence for its title, dates, byline, source,
section and site name.

Read backwards from the body's first line within ``HEADER_WINDOW`` lines. Candidates are
ranked on layout evidence that holds across sites (the title sits next to the date, repeats
the document ``<title>``, is longer than a label; a section name also appears in the menus; a
byline follows the title), never by a site's wording. A line boxed in by buttons or widget
labels is a widget's content (a video player's title) and ranks last; a line that only repeats
the first words of the bare headline is a cut copy of it and loses. The choices themselves are
the decision layer's (:mod:`article_extract._decide`): :func:`read_header` ranks,
:func:`header_lines` reads the lines around the chosen headline. Markdown lines add what
their markup says: a heading's level speaks for a headline (:data:`HEADING_LEVEL_BONUS`), and a
teaser or menu line (a link to another page) is never one.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from .._byline import agency_name, unlabelled_names
from .._dates import DateRole
from .._decide.dates import DAY_OR_BETTER, DateEvidence
from .._decide.evidence import Credit
from .._decide.names import is_role_line, looks_like_name
from .._decide.titles import MetadataTitle, ShownTitle, split_document_title
from .._lexicon import chrome_lexicon
from .._text import letters_key
from .layout import BodySpan, is_caption, line_weight
from .lines import Line

__all__ = ["Header", "HeaderLines", "header_lines", "labelled_source", "read_header"]

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
# A source named on the line after its label is a short name.
MAX_SOURCE_UNITS = 6
# Meta lines (author name, section, site name) are short.
MAX_META_UNITS = 6
# An unlabelled line guessed to be the site's name is this short (in words between spaces).
MIN_SITE_NAME_WORDS = 2
MAX_SITE_NAME_WORDS = 4
_DIGIT_OR_SEPARATOR_RE = re.compile(r"\d|\s[-–—|/]\s")
# What a heading's level adds to a headline candidate's score: the page's <h1> is its headline
# far more often than not; some sites set the headline in an <h2>.
HEADING_LEVEL_BONUS = {1: 2.0, 2: 1.0}

# A line that is only a URL (text browsers print link targets).
_URL_LINE_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


class Header(NamedTuple):
    """The ranked evidence of the header cluster."""

    window: tuple[Line, ...]
    candidates: tuple[Line, ...]  # headline candidates, best first
    document_title: MetadataTitle | None  # the dump's first line, when it precedes the body
    document_site: str | None  # the site part of a "Headline - Site" first line
    dates: tuple[DateEvidence, ...]  # the stamps, nearest the body first
    stamp_lines: frozenset[int]
    standfirst_after: int | None  # a headline candidate right above a standfirst
    counts: Counter[str]  # how often each window line's key occurs in the dump (menus repeat)
    # … up to the body's end: a columnist's name under the headline repeats in the author box
    # under the text, where no menu is
    counts_to_body_end: Counter[str]

    def shown(self) -> tuple[ShownTitle, ...]:
        return tuple(ShownTitle(line.text, "line", True) for line in self.candidates)


class HeaderLines(NamedTuple):
    """What the lines around the chosen headline say; ``used`` are their indices."""

    standfirst: str | None
    credits: tuple[Credit, ...]
    section: str | None
    site_names: tuple[str, ...]
    used: frozenset[int]


def _is_title_candidate(line: Line) -> bool:
    # The line's shape first: what it states is read only for a line of a headline's length.
    return (
        MIN_TITLE_UNITS <= line.units <= MAX_TITLE_UNITS
        and not line.markup.elsewhere
        and not _URL_LINE_RE.match(line.text)
        and not line.chrome
        and not line.is_date_line
        and line.attribution is None
        and not is_caption(line)
        and not line.clock_stamp
    )


def _nearest_above(
    candidates: Sequence[Line], index: int | None, media: frozenset[int], named: frozenset[int]
) -> Line | None:
    """The headline-like candidate closest above line ``index`` (``named`` names, labels and
    media titles skipped)."""
    if index is None:
        return None
    above = [
        c
        for c in candidates
        if c.position < index
        and c.units >= MIN_HEADLINE_UNITS
        and c.position not in media
        and c.position not in named
    ]
    return max(above, key=lambda c: c.position, default=None)


def _first_below(
    candidates: Sequence[Line], index: int, body_start: int, media: frozenset[int]
) -> Line | None:
    """The first candidate between line ``index`` and the body (media titles skipped)."""
    return next(
        (c for c in candidates if index < c.position < body_start and c.position not in media), None
    )


def _media_titles(lines: Sequence[Line], candidates: Sequence[Line]) -> frozenset[int]:
    """Candidates right after a widget line ("01:53", "Artikel zum Hören"): the title of a
    video or audio box, not the article's headline. A date stamp ("14.05.2025, 20:28") reads
    as a count line too, but the headline under it is the article's."""
    lexicon = chrome_lexicon()
    return frozenset(
        c.position
        for c in candidates
        if c.position > 0
        and lexicon.is_widget(lines[c.position - 1].text)
        and not lines[c.position - 1].is_date_line
    )


def _is_control(line: Line) -> bool:
    """A button or a widget's label ("ABONE OL", "Share", "01:53"). A date stamp reads as a
    count line, but it is the header's own."""
    return line.chrome or (line.widget and not line.is_date_line)


def _boxed_in(lines: Sequence[Line], candidates: Sequence[Line]) -> frozenset[int]:
    """Candidates with a control line right above and right below them ("ABONE OL" / <a
    video's title> / "ABONE OL"; a ticker's item between two others): a widget's content, not
    the article's header, whose headline sits next to its date, standfirst or byline."""
    return frozenset(
        c.position
        for c in candidates
        if 0 < c.position < len(lines) - 1
        and _is_control(lines[c.position - 1])
        and _is_control(lines[c.position + 1])
    )


def _title_score(
    line: Line,
    *,
    body_start: int,
    next_to_date: Line | None,
    counts: Counter[str],
    doc_title: str,
    chrome_between: int,
    plain_of_decorated: bool,
    cut_copy: bool,
    media_title: bool,
    name: bool,
) -> float:
    score = min(line.units, 12) / 12 + HEADING_LEVEL_BONUS.get(line.markup.heading, 0.0)
    title_key = letters_key(line.text)
    if doc_title and title_key and doc_title.startswith(title_key):
        score += 2.0
    if counts[line.key] > 1:
        score += 1.0
    if line is next_to_date:
        score += 1.5
    if plain_of_decorated:
        score += 1.0  # the bare headline of a line that repeats it with a site/section name
    if cut_copy:
        score -= 1.0  # the first words of the bare headline, cut off (a video's title)
    if media_title:
        score -= 2.0  # a video or audio box's title
    if name:
        score -= 1.0  # a byline name, not a headline
    if line.units < MIN_HEADLINE_UNITS and line.markup.heading != 1 and line is not next_to_date:
        # A section label; a page's <h1> or the date's neighbour is its headline, however short.
        score -= 1.0
    if _full_stop(line):
        score -= 1.0  # headlines rarely end with a full stop; captions and leads do
    if line.sentence_like and line.inner_punct >= 2 and line.units >= 25:
        score -= 1.5  # reads like a lead paragraph
    score -= 0.1 * (body_start - line.position) + 0.5 * chrome_between
    return score


def _has_day(line: Line) -> bool:
    return any(d.precision in DAY_OR_BETTER for d in line.dates)


def _date_line(window: Sequence[Line]) -> Line | None:
    """The header's date stamp, for layout: the nearest stamp line, else a short line with a
    labelled date ("Posted: …", "نشر في …"). A date inside a caption or a sentence is not one."""
    stamps = [ln for ln in window if ln.dates and not is_caption(ln) and _has_day(ln)]
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


def _date_evidence(window: Sequence[Line]) -> list[DateEvidence]:
    """Every stamp in the header: stamp lines nearest the body first, then short lines with a
    labelled date; the decision layer takes the first plausible one."""
    stamps = [ln for ln in reversed(window) if ln.dates and not is_caption(ln)]
    ordered = [ln for ln in stamps if ln.is_date_line]
    ordered += [
        ln
        for ln in stamps
        if not ln.is_date_line
        and ln.units <= MAX_LABELLED_STAMP_UNITS
        and any(d.role for d in ln.dates)
    ]
    evidence: list[DateEvidence] = []
    for line in ordered:
        for date in line.dates:
            role: DateRole = "modified" if date.role == "modified" else "published"
            dated = dataclasses.replace(date, role=role)
            evidence.append(DateEvidence(dated, "visible", line.text))
    return evidence


def read_header(lines: Sequence[Line], span: BodySpan) -> Header:
    """Rank the header cluster above ``span``."""
    window = _header_window(lines, span)
    # Only the window's lines are asked about: counting just their keys keeps a dump of many
    # distinct lines from holding a second index of all its text.
    window_keys = {line.key for line in window}
    counts = Counter(line.key for line in lines if line.key in window_keys)
    counts_to_body_end = Counter(
        line.key for line in lines if line.key in window_keys and line.position <= span.end
    )
    # Only a first line that names a site ("headline - Site") counts as the page's <title>.
    first = lines[0] if lines and lines[0].position < span.start else None
    document_site = split_document_title(first.text)[1] if first is not None else None
    document_title = None
    doc_key = ""
    if first is not None and document_site is not None:
        document_title = MetadataTitle("title", first.text)
        doc_key = letters_key(split_document_title(first.text)[0])
    date_line = _date_line(window)
    # A dump's first line is its document <title>, not the displayed headline; a level-1
    # heading never is.
    candidates = [
        line
        for line in window
        if _is_title_candidate(line) and (line.position > 0 or line.markup.heading == 1)
    ]
    media = _media_titles(lines, candidates)
    # Candidates that read as a person's name (a byline): read once, asked by several rules.
    named = _named(candidates)
    next_to_date = _nearest_above(
        candidates, date_line.position if date_line else None, media, named
    )
    if next_to_date is not None and date_line is not None:
        between = lines[next_to_date.position + 1 : date_line.position]
        below = _first_below(candidates, date_line.position, span.start, media)
        if any(ln.chrome for ln in between) and below is not None and below.position not in named:
            # A breadcrumb or menu between them: the line above is the site's (a ticker), and
            # the headline is the one under the stamp.
            next_to_date = below
    # A boxed-in line is a widget's, unless it is the date's neighbour: a headline may sit
    # between a breadcrumb and a share bar right above its stamp.
    boxed = _boxed_in(lines, candidates) - {next_to_date.position if next_to_date else -1}
    media |= boxed
    standfirst = _standfirst_below_headline(next_to_date, candidates, named)
    if next_to_date is None and date_line is not None:
        # No headline above the stamp: the page prints it above the headline block.
        next_to_date = _first_below(candidates, date_line.position, span.start, media)
    if standfirst is not None:
        # headline, standfirst, byline/date: the date's neighbour is the standfirst.
        next_to_date = next(c for c in candidates if c.position == standfirst.position - 1)
    decorated, cut_copies = _decorated_repeats(candidates)
    chrome_below = _chrome_counts_below(window)
    under_stamp = _chrome_under_stamp(next_to_date, date_line, named, chrome_below)

    def score(line: Line) -> float:
        return _title_score(
            line,
            body_start=span.start,
            next_to_date=next_to_date,
            counts=counts,
            doc_title=doc_key,
            chrome_between=chrome_below[line.position] - (line is next_to_date) * under_stamp,
            plain_of_decorated=line.position in decorated,
            cut_copy=line.position in cut_copies,
            media_title=line.position in media,
            name=line.position in named,
        )

    # A widget's content comes after every other candidate, whatever its score: the share
    # bar between a header and its body must not make a player's title the headline.
    ranked = sorted(
        candidates, key=lambda line: (line.position not in boxed, score(line)), reverse=True
    )
    if not ranked and first is not None and document_site is None and _is_title_candidate(first):
        ranked = [first]  # no headline in the header: the dump's first line is all there is
    dates = _date_evidence(window)
    return Header(
        window=tuple(window),
        candidates=tuple(ranked),
        document_title=document_title,
        document_site=document_site,
        dates=tuple(dates),
        stamp_lines=frozenset(ln.position for ln in window if ln.dates and ln.is_date_line),
        standfirst_after=next_to_date.position if standfirst is not None and next_to_date else None,
        counts=counts,
        counts_to_body_end=counts_to_body_end,
    )


def labelled_source(label: Line, following: Sequence[Line]) -> str | None:
    """The source a label line alone ("المصدر:", "Kaynak") gives the short line after it."""
    if not label.source_label or not following:
        return None
    name = following[0]
    if name.position != label.position + 1 or name.units > MAX_SOURCE_UNITS or name.sentence_like:
        return None
    return agency_name(name.text) or name.text


def header_lines(header: Header, title_line: Line | None) -> HeaderLines:
    """The standfirst, credits, section and site name around the chosen headline."""
    used: set[int] = set(header.stamp_lines)
    if title_line is not None:
        used.add(title_line.position)
    window = header.window
    standfirst = None
    if title_line is not None and header.standfirst_after == title_line.position:
        standfirst = next((ln for ln in window if ln.position == title_line.position + 1), None)
        if standfirst is not None:
            used.add(standfirst.position)
    credits: list[Credit] = []
    for position, line in enumerate(window):
        if line.attribution is not None:
            used.add(line.position)
            credits.append(Credit("byline", line.attribution.authors, line.attribution.source))
        labelled = labelled_source(line, window[position + 1 : position + 2])
        if labelled is not None:
            used.update((line.position, line.position + 1))
            credits.append(Credit("byline", source=labelled))
    section, site_name, name_authors = _meta_lines(window, title_line, header, used)
    if name_authors:
        credits.append(Credit("byline", name_authors))
    site_names = [site_name] if site_name else []
    return HeaderLines(
        standfirst=standfirst.text if standfirst is not None else None,
        credits=tuple(credits),
        section=section,
        site_names=tuple(site_names),
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
    next_to_date: Line | None, candidates: Sequence[Line], named: frozenset[int]
) -> Line | None:
    """The line next to the date when it is a standfirst, right below a headline: longer than
    it, or a sentence ending in a full stop under a headline without one (a one-sentence
    summary is often shorter than the headline above it; a headline may ask a question)."""
    if next_to_date is None:
        return None
    above = next((c for c in candidates if c.position == next_to_date.position - 1), None)
    if above is None or above.units < MIN_HEADLINE_UNITS or above.position in named:
        return None
    if next_to_date.units > above.units:
        return next_to_date
    return next_to_date if _full_stop(next_to_date) and not _full_stop(above) else None


def _full_stop(line: Line) -> bool:
    """The line ends with a full stop (not an ellipsis): a sentence's end, which a headline
    rarely has (a question or an exclamation it may)."""
    return line.text.endswith(".") and not line.text.endswith("..")


def _decorated_repeats(candidates: Sequence[Line]) -> tuple[set[int], set[int]]:
    """(bare headlines, cut copies). A candidate whose text another, longer candidate repeats
    with additions ("Haberler Gündem <headline> - Güncel haberler") is the bare headline; one
    that another bare headline holds in full is only a cut copy of it (a video's or a teaser's
    title: the headline's first sentence), not the headline."""
    repeated = [
        short
        for short in candidates
        if short.units >= MIN_HEADLINE_UNITS
        and any(len(o.key) > len(short.key) and short.key in o.key for o in candidates)
    ]
    cut = {
        short.position
        for short in repeated
        if any(len(o.key) > len(short.key) and short.key in o.key for o in repeated)
    }
    return {line.position for line in repeated} - cut, cut


def _chrome_counts_below(window: list[Line]) -> dict[int, int]:
    """For each window line, how many chrome lines lie between it and the body."""
    counts: dict[int, int] = {}
    seen = 0
    for line in reversed(window):
        counts[line.position] = seen
        seen += line.chrome
    return counts


def _may_be_site_name(line: Line) -> bool:
    """An unlabelled short phrase by the headline that may be the site's name ("المغرب تحت
    المجهر"): a few words, no digit (a reading time, a views counter), no separator (a
    caption's "السكر - أرشيفية"), not a widget's label. Only a guess: the decision layer ranks
    it after every name the page states."""
    text = line.text
    return (
        MIN_SITE_NAME_WORDS <= len(text.split()) <= MAX_SITE_NAME_WORDS
        and not line.widget
        and _DIGIT_OR_SEPARATOR_RE.search(text) is None
    )


def _chrome_under_stamp(
    headline: Line | None, stamp: Line | None, named: frozenset[int], chrome_below: dict[int, int]
) -> int:
    """The chrome lines between the stamp printed under ``headline`` and the body, when only
    a byline may separate the headline from its stamp: a share bar or font-size buttons there
    are the article header's, and do not set the headline apart from the body."""
    if headline is None or stamp is None or stamp.position <= headline.position:
        return 0
    if any(p not in named for p in range(headline.position + 1, stamp.position)):
        return 0
    return chrome_below.get(stamp.position, 0)


def _named(candidates: Sequence[Line]) -> frozenset[int]:
    """The candidates that read as a person's name (a byline), and the role or one-line bio
    printed right under one ("كاتبة وباحثة في الشؤون الاقتصادية"): the byline's, never the
    headline."""
    named = {c.position for c in candidates if looks_like_name(c.text)}
    named.update(c.position for c in candidates if c.position - 1 in named and is_role_line(c.text))
    return frozenset(named)


def _meta_lines(
    window: Sequence[Line], title_line: Line | None, header: Header, used: set[int]
) -> tuple[str | None, str | None, tuple[str, ...]]:
    """Short unlabelled lines around the title: (section, site name, author names).

    A label that also appears elsewhere on the page (menus, breadcrumbs) is a section; a
    personal name below the title is the author (also when the author box under the text
    repeats it); another short phrase is the site's name.
    """
    section = site_name = None
    authors: tuple[str, ...] = ()
    after_title = [ln for ln in window if title_line is None or ln.position > title_line.position]
    for line in window:
        if line.position in used or line.chrome or line.dates or line.units > MAX_META_UNITS:
            continue
        if line.sentence_like or is_caption(line):
            continue
        key = line.key
        repeated = header.counts[key] > 1
        if repeated and header.counts_to_body_end[key] == 1 and unlabelled_names(line.text):
            repeated = False  # a name repeated only under the text: the author box's
        if repeated or (title_line is not None and line.position < title_line.position):
            if section is None or (title_line and line.position < title_line.position):
                section = line.text
            continue
        if line in after_title:
            names = unlabelled_names(line.text)
            if names:
                authors = names  # the nearest to the body wins (later lines overwrite)
                used.add(line.position)
            elif authors and line.position - 1 in used and is_role_line(line.text):
                used.add(line.position)  # the bio under the name ("كاتب وباحث في …")
            elif site_name is None and _may_be_site_name(line):
                site_name = line.text
                used.add(line.position)
    return section, site_name, authors
