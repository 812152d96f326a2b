"""The text-dump path: a page's visible text (as scrapers save it) → evidence for the decision
layer.

Stages, one module each, in this order: ``lines`` (undo the dump's shape, compute line
features), ``layout`` (find the body span), ``header`` (rank the headline candidates, stamps
and bylines above the body), then the shared title decision, the lines around the chosen
headline (standfirst, credits, section, site name), and this module's blocks: paragraphs and
in-body subheadings, nothing else.

Everything after ``lines`` is :func:`evidence_from_lines`, which the Markdown path
(:mod:`article_extract._markdown`) shares: its lines come from a CommonMark parser and carry
what the markup says (:class:`.lines.Markup`: headings, list items, quotes, links, captions),
and the stages below read that wherever a plain dump leaves them to guess. A plain dump's lines
carry no markup, so its results do not depend on those rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple
from urllib.parse import urlsplit

from .._byline import leading_credit, split_trailing_credit
from .._dates import is_date_label, parse_date
from .._decide.dates import DateEvidence
from .._decide.evidence import BlockDraft, Credit, PageEvidence, PageSignals
from .._decide.text_roles import Teasers, is_subheading, prose_of, teaser_runs
from .._decide.titles import choose_title, copyright_holder, site_keys
from .._decide.verdict import NOTICE_LINES, says_not_found
from .._inputs import PageInput
from .._model import BlockKind, InputKind, Options
from .._text import letters_key, letters_of_folded
from .._urls import url_date_text
from ..errors import NotAnArticle
from .header import Header, HeaderLines, header_lines, labelled_source, read_header
from .layout import MIN_PARAGRAPH_UNITS, BodySpan, alt_text_lines, find_body_span, is_caption
from .lines import MAX_LABEL_UNITS, Line, prepare_lines

__all__ = ["PageContext", "evidence_from_lines", "extract_from_dump"]

# Lines after the body span still joined to it when they read as sentences at least this long
# (a short closing sentence scores too little to extend the span by itself).
MIN_TRAILING_SENTENCE_UNITS = 3
# Credit lines ("--(بترا)", "المصدر: …") may follow the last paragraph, just outside the span.
TRAILING_CREDIT_LINES = 3
# A heading the markup marks is a heading block at most this long (in words); longer, it is a
# standfirst or paragraph set in large type, read as text.
MAX_HEADING_UNITS = 20


class PageContext(NamedTuple):
    """What a path knows about the page beyond its lines."""

    input_kind: InputKind = "text"
    host: str | None = None  # the site's host when the caller gave no URL (Markdown: its links)
    own_url: str | None = None  # the page's own address as its links give it: its date is evidence


PLAIN_TEXT = PageContext()  # a plain dump: no markup, no links


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


def _trailing_credits(lines: Sequence[Line], span: BodySpan) -> list[Credit]:
    """Sources credited on the lines right after the body ("--(بترا)")."""
    following = lines[span.end + 1 : span.end + 1 + TRAILING_CREDIT_LINES]
    return [
        Credit("body", source=ln.attribution.source)
        for ln in following
        if ln.attribution and ln.attribution.source
    ]


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


def _block_kind(line: Line) -> BlockKind:
    """A body line's block kind: what the markup says, else a paragraph."""
    if line.markup.quote:
        return "quote"
    return "list_item" if line.markup.list_item else "paragraph"


def _teasers(lines: Sequence[Line], span: BodySpan, title_line: Line | None) -> Teasers:
    """The teasers of the body span, read from the chosen headline when it stands above the
    span: a section front's or a search's text puts its first teaser's headline and stamp
    there, and that teaser is one of the run (positions are the dump's)."""
    start = span.start
    if title_line is not None and title_line.position < start:
        start = title_line.position
    read = lines[start : span.end + 1]
    meta = [ln.is_date_line or ln.attribution is not None for ln in read]
    stamps = [
        ln.dates[0].value.replace(tzinfo=None) if stated and ln.dates else None
        for ln, stated in zip(read, meta, strict=True)
    ]
    found = teaser_runs([ln.text for ln in read], meta, stamps)
    return found._replace(lines=frozenset(start + at for at in found.lines))


def _body_blocks(
    lines: Sequence[Line], span: BodySpan, around: HeaderLines, title: str, teasers: Teasers
) -> tuple[list[BlockDraft], list[Credit], int]:
    """Blocks of the body span, the credits found inside it, and how many of the blocks come
    before the first teaser (the text a page opens with)."""
    spanned = lines[span.start : span.end + 1]
    alt_texts = alt_text_lines(lines, span)
    first_teaser = min(teasers.lines, default=span.end + 1)
    kept = [
        line
        for line in spanned
        if line.position not in around.used
        and line.position not in teasers.lines
        and not line.is_date_line
        and not is_caption(line)
        and line.position not in alt_texts
        and not (line.units <= MAX_LABEL_UNITS and is_date_label(line.text))
    ]
    blocks: list[BlockDraft] = []
    if around.standfirst:
        blocks.append(BlockDraft("paragraph", around.standfirst))
    lead = -1  # blocks before the first teaser: unknown until a line after it is read
    credits: list[Credit] = []
    title_key = letters_key(title)
    seen: set[str] = set()  # repeated lines are layout, not text
    in_related_list = False  # after an inline "اقرأ أيضا": headline links until the next sentence
    following_line = _next_non_chrome(kept)
    skip = -1  # the line a source label named
    for position, line in enumerate(kept):
        if lead < 0 and line.position > first_teaser:
            lead = len(blocks)
        if line.chrome:
            in_related_list = True
            continue
        if line.clock is not None:
            in_related_list = False  # a live entry's time stamp: never text, and opens an entry
            continue
        if line.widget or line.markup.elsewhere:
            continue
        if line.attribution is not None:
            if line.attribution.source:
                credits.append(Credit("body", source=line.attribution.source))
            continue
        if line.source_label:
            labelled = labelled_source(line, kept[position + 1 : position + 2])
            if labelled is not None:
                credits.append(Credit("body", source=labelled))
                skip = line.position + 1
            continue
        if line.position == skip:
            continue
        key = line.key
        if key in seen or letters_of_folded(key) == title_key:
            continue
        if line.markup.table_row:
            blocks.append(BlockDraft("table_row", line.text))
            continue
        if _is_paragraph(line) and not _marked_heading(line):
            in_related_list = False
            seen.add(key)
            blocks.append(BlockDraft(_block_kind(line), line.text))
            continue
        if in_related_list or (not blocks and line.position != span.start):
            # Before the first paragraph, only the span's own first line may be a heading (a
            # box's label the layout opened the body with: "أبرز المستجدات").
            continue
        following = following_line[position]
        before = following.text if following is not None and _opens_text(following) else None
        if is_subheading(line.text, before, set_apart=True) or (
            _marked_heading(line) and before is not None
        ):
            seen.add(key)
            blocks.append(BlockDraft("heading", line.text))
    if blocks and blocks[-1].kind == "paragraph":
        text, credit = split_trailing_credit(blocks[-1].text)
        if credit is not None:
            credits.append(Credit("body", source=credit))
            blocks[-1] = BlockDraft("paragraph", text) if text else blocks.pop()
    if blocks:
        credit = leading_credit(blocks[0].text)
        if credit is not None:
            credits.append(Credit("body", source=credit))
    if lead < 0:
        lead = len(blocks)
    return [b for b in blocks if b.text], credits, lead


def _opens_text(line: Line) -> bool:
    """The line after a heading is text the heading can head: a paragraph or a table."""
    return bool(line.markup.table_row) or _is_paragraph(line)


def _marked_heading(line: Line) -> bool:
    """A heading the markup marks, short enough to be one."""
    return bool(line.markup.heading) and line.units <= MAX_HEADING_UNITS


def _url_date(url: str | None, options: Options) -> DateEvidence | None:
    text = url_date_text(url)
    parsed = parse_date(text, reference=options.reference) if text else None
    return DateEvidence(parsed, "url") if parsed is not None else None


def _title_line(header: Header, shown: int | None) -> Line | None:
    return header.candidates[shown] if shown is not None else None


def extract_from_dump(page: PageInput, options: Options) -> PageEvidence:
    """Gather the evidence of a text dump. Raises NotAnArticle when it holds no body."""
    lines = prepare_lines(
        page.text,
        reference=options.reference,
        max_line_chars=options.max_line_chars,
        boilerplate=options.boilerplate,
    )
    return evidence_from_lines(lines, page, options)


def evidence_from_lines(
    lines: Sequence[Line],
    page: PageInput,
    options: Options,
    context: PageContext = PLAIN_TEXT,
) -> PageEvidence:
    """The evidence of a page read as lines (a dump's, or Markdown's with their markup).
    Raises NotAnArticle when they hold no body."""
    span = find_body_span(lines)
    if span is None:
        if says_not_found(line.text for line in lines[:NOTICE_LINES]):
            raise NotAnArticle("the page is an error page (not found)", reason="error_page")
        raise NotAnArticle(
            "no article body: the text has no run of paragraphs (a menu, listing or stub page)",
            reason="no_body",
        )
    span = _extend_end(lines, span)
    header = read_header(lines, span)
    names = [header.document_site] if header.document_site else []
    # The footer's copyright line names the site when no first line does (inscriptis and
    # Markdown dumps leave the <title> out): a byline naming the site is no person's.
    names += filter(None, (copyright_holder(line.text) for line in lines[span.end + 1 :]))
    keys = site_keys(names, urlsplit(page.url or "").hostname or context.host)
    metadata = (header.document_title,) if header.document_title is not None else ()
    title = choose_title(header.shown(), metadata, keys)
    title_line = _title_line(header, title.shown if title else None)
    around = header_lines(header, title_line)
    teasers = _teasers(lines, span, title_line)
    blocks, body_credits, lead = _body_blocks(
        lines, span, around, title.text if title else "", teasers
    )
    body_credits += _trailing_credits(lines, span)
    if not blocks:
        raise NotAnArticle("the body holds no paragraphs", reason="no_body")
    url_date = _url_date(page.url or context.own_url, options)
    dates = (*header.dates, url_date) if url_date is not None else header.dates
    return PageEvidence(
        input_kind=context.input_kind,
        blocks=tuple(blocks),
        title=title,
        site_keys=keys,
        dates=dates,
        credits=(*around.credits, *body_credits),
        site_name_guesses=around.site_names,
        sections=(around.section,) if around.section else (),
        url=page.url,
        encoding=page.encoding,
        # The page's first line (its <title> in many dumps) and headline are what it says of
        # itself, as an HTML page's <title> and <h1>s are (an error page: "Page Not Found").
        signals=PageSignals(
            title_tag=lines[0].text if lines and lines[0].position < span.start else None,
            headings=(title.text,) if title is not None else (),
            stamped_teasers=teasers.total,
            lead_prose=prose_of(blocks[:lead]),
        ),
    )
