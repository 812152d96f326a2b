"""The Markdown path: a page as LLM-oriented crawlers save it (html2text, markdownify, crawl4ai,
Firecrawl…), or an article kept as a Markdown document → evidence for the decision layer.

Stages, one module each::

    front_matter.split_front_matter  the YAML front matter block, when the text opens with one
    cmark.markdown_renderer  cmark-gfm's HTML for the text, each document's memory released
    parse.parse_markdown   CommonMark tokens → lines of text, with headings, list items,
                           quotes, tables, links (text and target) and images (alt text)
    links.read_links       the page's link neighbourhood: the site's host, which targets are
                           other articles, the page's own address
    (this module)          lines → the text-dump path's Line values with their Markup
    _dump.evidence_from_lines  the text-dump path's layout, header and blocks stages, shared

The markup becomes evidence the shared stages read (:class:`.._dump.lines.Markup`):

* a line mostly made of links (:data:`NAV_LINK_SHARE` of its letters) is navigation;
* a link-only list item in a run of at least :data:`MIN_MENU_RUN` is a menu item (a site menu,
  or a list of teasers);
* a mostly-linked line of at least :data:`MIN_TEASER_WORDS` words whose link leads to another
  article of the site is a teaser (a level-1 heading never is: it is the headline, which may
  link to its own page);
* the line under an image, when it reads as a label (short, not a sentence, not a heading, no
  date or byline), or a line just below an image that repeats the image's alt text, is a
  caption;
* a link to one of the site's author pages (``/author/…``) on a line that is not a teaser or a
  menu is a byline: its text names an author;
* heading levels speak for the headline; in-body headings, quotes and list items become
  ``heading``, ``quote`` and ``list_item`` blocks;
* a date in the page's own address (from its share links or linked headline) is evidence when
  the caller passed no URL.

A **Markdown document** — front matter that states a title, as ``Article.to_markdown()`` and
static site generators write — is an article and nothing else: no menus, no teasers. Its
evidence is its front matter (read as metadata: the title, dates, authors, source, site,
section, tags, language, URLs, image, description; a ``published_text`` is the printed stamp)
and its level-1 headings (shown headlines); its body is every block after the headline, kinds
as the markup gives them. The decision layer decides as for any page.

Linked headlines are not counted for the verdict's teaser-wall rule: that rule expects article
metadata to clear a short article on a page full of teasers, and Markdown has none (as for
text dumps).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import NamedTuple
from urllib.parse import urlsplit

from .._dates import DateRole, parse_date
from .._decide.dates import DateEvidence
from .._decide.evidence import BlockDraft, Credit, PageEvidence, PageSignals
from .._decide.text_roles import TEASER_LINK_SHARE
from .._decide.titles import MetadataTitle, ShownTitle, choose_title, site_keys, titles_match
from .._dump import PageContext, evidence_from_lines
from .._dump.lines import (
    NAV_LINK_SHARE,
    NO_MARKUP,
    Line,
    LineReader,
    Markup,
    lines_with_features,
)
from .._inputs import PageInput
from .._model import BlockKind, DateOrigin, Options
from .._text import letters_key
from .._urls import normalize_url
from ..errors import NotAnArticle
from .front_matter import FrontMatter, split_front_matter
from .links import LinkNeighbourhood, read_links
from .parse import MarkdownLine, parse_markdown

__all__ = ["extract_from_markdown"]

# A run of at least this many link-only list items is a menu (or a list of teasers).
MIN_MENU_RUN = 2
# A teaser headline has at least this many words.
MIN_TEASER_WORDS = 3
# Lines below an image that may repeat its alt text as a caption (a player's duration, a
# "view in fullscreen" button may come between).
CAPTION_WINDOW = 3
# The line right under an image is its caption when it is a label this short (in words).
MAX_CAPTION_UNITS = 30
# An author's name in a link to their page is a few words; longer link text is a headline.
MAX_AUTHOR_WORDS = 5


def _menu_items(lines: Sequence[MarkdownLine]) -> set[int]:
    """Positions of link-only list items in runs of at least MIN_MENU_RUN."""
    flags = [m.list_item and m.linked >= NAV_LINK_SHARE for m in lines]
    found: set[int] = set()
    start = 0
    while start < len(flags):
        if not flags[start]:
            start += 1
            continue
        end = start
        while end < len(flags) and flags[end]:
            end += 1
        if end - start >= MIN_MENU_RUN:
            found.update(range(start, end))
        start = end
    return found


def _has_words(text: str, count: int) -> bool:
    """Does ``text`` have at least ``count`` words? (Splits off no more than that many.)"""
    return len(text.split(None, count - 1)) >= count


def _is_teaser(line: MarkdownLine, links: LinkNeighbourhood) -> bool:
    if line.heading == 1 or line.linked < TEASER_LINK_SHARE:
        return False
    if not _has_words(line.text, MIN_TEASER_WORDS):
        return False
    return any(link.text and links.is_other_article(link.target) for link in line.links)


class ImageAbove(NamedTuple):
    """The image a text line stands under, within :data:`CAPTION_WINDOW` lines."""

    below: int  # text lines down from it: 1 is right under it
    alts: tuple[str, ...]  # its alt texts


def _is_caption(line: Line, markup: Markup, image: ImageAbove) -> bool:
    if markup.heading or markup.nav:
        return False
    label = image.below == 1 and not line.sentence_like and line.units <= MAX_CAPTION_UNITS
    if not label and not _repeats_alt_text(line.text, image.alts):
        return False
    # Its dates and credit are read last (the costliest test): a byline or stamp under the
    # author's photo is no caption.
    return not (line.dates or line.attribution is not None)


def _repeats_alt_text(text: str, alts: tuple[str, ...]) -> bool:
    # An empty alt text matches nothing: no key is made when all are empty (most images).
    return any(alts) and titles_match(letters_key(text), [letters_key(a) for a in alts])


def _markup(line: MarkdownLine, links: LinkNeighbourhood, menu: bool, table_row: int) -> Markup:
    """What the markup says of a text line; ``menu``: it is one of :func:`_menu_items`;
    ``table_row``: its row number in a table (:func:`_table_rows`)."""
    if not (line.heading or line.list_item or line.quote or line.linked or table_row):
        return NO_MARKUP  # plain text: neither a teaser nor a menu item (both are links)
    teaser = _is_teaser(line, links)
    return Markup(
        line.heading,
        line.list_item,
        line.quote,
        line.linked,
        teaser,
        menu,
        table_row=table_row,
    )


def _table_rows(texts: Sequence[MarkdownLine]) -> list[int]:
    """Each text line's row number in its table, from 1 (0: not a table row)."""
    numbers: list[int] = []
    for line in texts:
        numbers.append(numbers[-1] + 1 if line.table_row and numbers else int(line.table_row))
    return numbers


def _images_above(parsed: Sequence[MarkdownLine]) -> Iterator[ImageAbove | None]:
    """For each text line: the image it stands under, when one is at most
    :data:`CAPTION_WINDOW` text lines above it."""
    alts: tuple[str, ...] = ()
    below_image = CAPTION_WINDOW
    for parsed_line in parsed:
        if parsed_line.text:
            below_image += 1
            yield ImageAbove(below_image, alts) if below_image <= CAPTION_WINDOW else None
        elif parsed_line.image:
            alts, below_image = parsed_line.images, 0


def markdown_lines(
    parsed: Sequence[MarkdownLine], links: LinkNeighbourhood, options: Options
) -> list[Line]:
    """The page's text lines with their features and markup. Lines known to be the site's
    template (``Options.boilerplate``, learned by the batch command) are dropped, as from a
    dump."""
    texts = [m for m in parsed if m.text]
    menus = _menu_items(texts)
    rows = _table_rows(texts)
    markups = [
        _markup(m, links, position in menus, rows[position]) for position, m in enumerate(texts)
    ]
    # The features of all lines are read in bulk (see ``lines_with_features``).
    featured = lines_with_features(
        [m.text for m in texts],
        LineReader(options.reference),
        max_line_chars=options.max_line_chars,
        markups=markups,
    )
    lines: list[Line] = []
    placed = zip(featured, texts, markups, _images_above(parsed), strict=True)
    for line, parsed_line, markup, image in placed:
        if line.key in options.boilerplate and not line.chrome:
            continue
        if line.position != len(lines):
            line = line._replace(position=len(lines))
        if image is not None and _is_caption(line, markup, image):
            line = line._replace(markup=markup._replace(caption=True))
        elif parsed_line.links and not markup.elsewhere:
            authors = _linked_authors(parsed_line, links)
            if authors:  # the byline, when the text states none (``Line.attribution``)
                line = line._replace(markup=markup._replace(authors=authors))
        lines.append(line)
    return lines


def _linked_authors(line: MarkdownLine, links: LinkNeighbourhood) -> tuple[str, ...]:
    """Names linked to the site's author pages on ``line`` (its byline, when it has them)."""
    return tuple(
        link.text
        for link in line.links
        # The target first: its answer is kept per target, and few lead to an author's page.
        if links.is_author_page(link.target)
        and link.text
        and not _has_words(link.text, MAX_AUTHOR_WORDS + 1)
    )


def _document_kind(line: MarkdownLine) -> BlockKind:
    if line.table_row:
        return "table_row"
    if line.heading:
        return "heading"
    if line.quote:
        return "quote"
    return "list_item" if line.list_item else "paragraph"


def _front_dates(front: FrontMatter, options: Options) -> list[DateEvidence]:
    """The front matter's dates as metadata, and its printed date as the visible stamp."""
    found: list[DateEvidence] = []
    roles: tuple[tuple[str, DateRole, DateOrigin], ...] = (
        ("published", "published", "meta"),
        ("modified", "modified", "meta"),
        ("published_text", "published", "visible"),
    )
    for name, role, origin in roles:
        value = front.first(name)
        parsed = parse_date(value, reference=options.reference) if value else None
        if value and parsed is not None:
            printed = value if origin == "visible" else None
            found.append(DateEvidence(dataclasses.replace(parsed, role=role), origin, printed))
    return found


def document_evidence(
    front: FrontMatter, parsed: Sequence[MarkdownLine], page: PageInput, options: Options
) -> PageEvidence:
    """The evidence of a Markdown document (module docstring). Raises NotAnArticle when it
    holds no text besides its headline."""
    url = page.url or normalize_url(front.first("url"))
    site_names = front.all("site_name")
    keys = site_keys(site_names, urlsplit(url or "").hostname)
    texts = [line for line in parsed if line.text]
    headlines = [line for line in texts if line.heading == 1]
    stated = front.first("title")
    metadata = (MetadataTitle("meta", stated),) if stated else ()
    shown = tuple(ShownTitle(line.text, "h1", True) for line in headlines)
    title = choose_title(shown, metadata, keys)
    headline = headlines[title.shown] if title is not None and title.shown is not None else None
    blocks = tuple(
        BlockDraft(_document_kind(line), line.text) for line in texts if line is not headline
    )
    if not blocks:
        raise NotAnArticle("the document holds no text besides its headline", reason="no_body")
    authors, source = front.all("authors"), front.first("source")
    credits = (Credit("meta", authors, source),) if authors or source else ()
    return PageEvidence(
        input_kind="markdown",
        blocks=blocks,
        title=title,
        site_keys=keys,
        dates=tuple(_front_dates(front, options)),
        credits=credits,
        site_names=site_names,
        sections=front.all("section"),
        tags=front.all("tags"),
        description=front.first("description"),
        image=normalize_url(front.first("image"), url),
        url=url,
        canonical_url=normalize_url(front.first("canonical_url")),
        declared_language=front.first("language"),
        encoding=page.encoding,
        signals=PageSignals(has_article_metadata=front.first("published") is not None),
    )


def extract_from_markdown(page: PageInput, options: Options) -> PageEvidence:
    """Gather the evidence of a Markdown page or document. Raises NotAnArticle when it holds
    no body."""
    front, text = split_front_matter(page.text)
    parsed = parse_markdown(text)
    if front is not None and front.first("title"):
        return document_evidence(front, parsed, page, options)
    links = read_links(parsed, page.url)
    lines = markdown_lines(parsed, links, options)
    context = PageContext(input_kind="markdown", host=links.site_host, own_url=links.own_url)
    return evidence_from_lines(lines, page, options, context)
