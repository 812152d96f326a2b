"""The text-dump path: a page's visible text (as scrapers save it) → an article draft.

Stages, one module each: ``lines`` (undo the dump's shape, compute line features), ``layout``
(find the body span), ``header`` (title, date, byline above the body), then this module turns
the body span into blocks: paragraphs, in-body subheadings, and nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from .._byline import leading_credit, split_trailing_credit
from .._dates import parse_date
from .._draft import ArticleDraft, BlockDraft, DatedCandidate
from .._inputs import PageInput
from .._lexicon import match_key
from .._model import Options
from .._text import arabic_letter_ratio
from .._urls import url_date_text
from ..errors import NotAnArticle
from .header import Header, read_header
from .layout import MIN_PARAGRAPH_UNITS, BodySpan, find_body_span, is_caption
from .lines import Line, prepare_lines

__all__ = ["extract_from_dump"]

# Lines after the body span still joined to it when they read as sentences at least this long
# (a short closing sentence scores too little to extend the span by itself).
MIN_TRAILING_SENTENCE_UNITS = 3
# An in-body subheading is short.
MAX_HEADING_UNITS = 15
# Share of Arabic letters above which a dump's language is taken to be Arabic.
ARABIC_SHARE = 0.5


def _extend_end(lines: Sequence[Line], span: BodySpan) -> BodySpan:
    end = span.end
    while end + 1 < len(lines):
        following = lines[end + 1]
        if following.chrome or following.tail or following.is_date_line or is_caption(following):
            break
        if not (following.sentence_like and following.units >= MIN_TRAILING_SENTENCE_UNITS):
            break
        end += 1
    return BodySpan(span.start, end, span.score)


# A visible stamp this much after the URL's date is a later update, not the publication.
URL_DATE_SLACK = timedelta(days=1)
# Credit lines ("--(بترا)", "المصدر: …") may follow the last paragraph, just outside the span.
TRAILING_CREDIT_LINES = 3


def _trailing_sources(lines: Sequence[Line], span: BodySpan) -> list[str]:
    """Sources credited on the lines right after the body ("--(بترا)")."""
    following = lines[span.end + 1 : span.end + 1 + TRAILING_CREDIT_LINES]
    return [ln.attribution.source for ln in following if ln.attribution and ln.attribution.source]


def _next_non_chrome(lines: Sequence[Line]) -> list[Line | None]:
    """For each position, the first line after it that is not chrome (one backward pass)."""
    out: list[Line | None] = [None] * len(lines)
    nearest: Line | None = None
    for position in range(len(lines) - 1, -1, -1):
        out[position] = nearest
        if not lines[position].chrome:
            nearest = lines[position]
    return out


def _is_paragraph(line: Line) -> bool:
    return line.sentence_like or line.units >= MIN_PARAGRAPH_UNITS * 3


def _body_blocks(
    lines: Sequence[Line], span: BodySpan, header: Header
) -> tuple[list[BlockDraft], list[str]]:
    """Blocks of the body span, and the sources credited inside it."""
    kept = [
        line
        for line in lines[span.start : span.end + 1]
        if line.index not in header.used and not line.is_date_line and not is_caption(line)
    ]
    blocks: list[BlockDraft] = []
    if header.standfirst:
        blocks.append(BlockDraft("paragraph", header.standfirst))
    sources: list[str] = []
    seen = (
        {match_key(header.title)} if header.title else set()
    )  # repeated lines are layout, not text
    in_related_list = False  # after an inline "اقرأ أيضا": headline links until the next sentence
    following_text = _next_non_chrome(kept)
    for position, line in enumerate(kept):
        if line.chrome:
            in_related_list = True
            continue
        if line.attribution is not None:
            if line.attribution.source:
                sources.append(line.attribution.source)
            continue
        key = line.key
        if key in seen:
            continue
        if _is_paragraph(line):
            in_related_list = False
            seen.add(key)
            blocks.append(BlockDraft("paragraph", line.text))
            continue
        if in_related_list:
            continue
        following = following_text[position]
        if (
            blocks
            and following is not None
            and _is_paragraph(following)
            and line.units <= MAX_HEADING_UNITS
        ):
            seen.add(key)
            blocks.append(BlockDraft("heading", line.text))
    if blocks and blocks[-1].kind == "paragraph":
        text, credit = split_trailing_credit(blocks[-1].text)
        if credit is not None:
            sources.append(credit)
            blocks[-1] = BlockDraft("paragraph", text) if text else blocks.pop()
    if blocks:
        credit = leading_credit(blocks[0].text)
        if credit is not None:
            sources.append(credit)
    return [b for b in blocks if b.text], sources


def _dates_with_url(
    header: Header, url: str | None, options: Options
) -> tuple[DatedCandidate | None, DatedCandidate | None]:
    """(published, modified), using the caller's URL when its path states a day.

    As in the HTML path: a URL date is fixed when the article is created, so it is the
    publication date when the dump shows none, or shows one more than a day later (then that
    visible stamp is a later update).
    """
    published = DatedCandidate(header.published, "visible") if header.published else None
    modified = DatedCandidate(header.modified, "visible") if header.modified else None
    url_text = url_date_text(url)
    from_url = parse_date(url_text, reference=options.reference) if url_text else None
    if from_url is None:
        return published, modified
    if published is None:
        return DatedCandidate(from_url, "url"), modified
    if _naive(published.date.value) > _naive(from_url.value) + URL_DATE_SLACK:
        return DatedCandidate(from_url, "url"), modified or published
    return published, modified


def _naive(value: datetime) -> datetime:
    return value.replace(tzinfo=None)


def extract_from_dump(page: PageInput, options: Options) -> ArticleDraft:
    """Extract a draft article from a text dump. Raises NotAnArticle when there is none."""
    lines = prepare_lines(
        page.text, reference=options.reference, max_line_chars=options.max_line_chars
    )
    span = find_body_span(lines)
    if span is None:
        raise NotAnArticle(
            "no article body: the text has no run of paragraphs (a menu, listing or stub page)",
            reason="no_body",
        )
    span = _extend_end(lines, span)
    header = read_header(lines, span)
    if not header.title:
        raise NotAnArticle("no headline found above the body", reason="no_title")
    blocks, credited = _body_blocks(lines, span, header)
    credited += _trailing_sources(lines, span)
    if not blocks:
        raise NotAnArticle("the body holds no paragraphs", reason="no_body")
    published, modified = _dates_with_url(header, page.url, options)
    body_text = " ".join(b.text for b in blocks)
    language = "ar" if arabic_letter_ratio(body_text) >= ARABIC_SHARE else None
    return ArticleDraft(
        title=header.title,
        blocks=tuple(blocks),
        input_kind="text",
        published=published,
        published_text=header.published_text
        if published and published.origin == "visible"
        else None,
        modified=modified,
        authors=header.authors,
        source=header.source or (credited[0] if credited else None),
        site_name=header.site_name,
        url=page.url,
        language=language,
        direction="rtl" if language == "ar" else None,
        section=header.section,
        encoding=page.encoding,
    )
