"""The raw-HTML path: evidence from a page's markup, for the decision layer.

The stages, in this order (each a module of small pure functions)::

    parse.parse_page        text/tree → a private lxml tree (the caller's tree is copied)
    metadata.read_metadata  JSON-LD, OpenGraph/Twitter, <meta>, microdata, canonical, lang/dir
    parse.strip_junk        scripts, styles, form controls, comments, page-hidden elements;
                            returns the cleaned tree's index (positions, class/id tokens)
    body.find_container     ordered container rules (data/html_body.toml), else the element
                            that scores best on the page as it came (where its header is)
    title.shown_headlines   <h1>s and headline-like headings, flagged in the article's header
    → titles.choose_title   (decision layer) the headline; its element anchors the next stages
    dates.date_evidence     every dated statement: metadata, <time>, stamps near the headline, URL
    credits.visible_byline  the byline element nearest the headline; metadata authors
    listing.page_signals    article/listing metadata, error wording, teaser walls, one-link
                            list items
    body.scored_container   when no rule found the container: remove chrome from the page
                            (the tree changes from here on), score the paragraphs
    listing.with_body_teasers  teaser headlines inside the container
    body.extract_body       chrome removal in the container, blocks, credit lines at its edges,
                            the column as served (text, linked text, the prose it opens with)

and :func:`article_extract._decide.decide` turns the :class:`PageEvidence` into the Article.
Each stage fetches its own rule tables (``rules.py``: ``data/html_*.toml``, compiled once);
the helpers inside a stage receive them as arguments.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml.etree import _Element

from .._decide.evidence import Credit, PageEvidence
from .._decide.titles import choose_title, site_keys
from .._inputs import PageInput
from .._lexicon import match_key
from .._model import Options
from .._text import letters_key
from .._urls import normalize_url
from .body import (
    Body,
    extract_body,
    find_container,
    score_container,
    scored_container,
    with_standfirst,
)
from .credits import metadata_credits, visible_byline
from .dates import date_evidence
from .listing import page_signals, with_body_teasers
from .metadata import PageMeta, read_metadata
from .parse import parse_page, strip_junk
from .title import metadata_titles, shown_headlines, site_name_candidates

__all__ = ["extract_from_html"]


def _language(meta: PageMeta) -> str | None:
    if meta.html_lang:
        return meta.html_lang
    return meta.first("language") or meta.ld("inLanguage")


def _tags(meta: PageMeta) -> tuple[str, ...]:
    values = meta.all("tags")
    keywords = meta.ld_raw("keywords")
    if isinstance(keywords, list):
        values += [k for k in keywords if isinstance(k, str)]
    elif isinstance(keywords, str):
        values.append(keywords)
    tags: list[str] = []
    for value in values:
        separator = "," if "," in value else "،"
        tags.extend(t.strip() for t in value.split(separator))
    return tuple(dict.fromkeys(t for t in tags if t))


def _sections(meta: PageMeta) -> tuple[str, ...]:
    found = [meta.ld("articleSection"), *meta.all("section"), meta.micro("articleSection")]
    return tuple(s for s in found if s)


def extract_from_html(page: PageInput, options: Options) -> PageEvidence:
    """Gather the evidence of an HTML page (stages in the module docstring)."""
    root = parse_page(page, options)
    meta = read_metadata(root, page.url, options)
    index = strip_junk(root)
    url = page.url or meta.canonical or normalize_url(meta.first("url"))
    names = site_name_candidates(meta)
    keys = site_keys(names, urlsplit(url or "").hostname)
    sections = _sections(meta)
    tags = _tags(meta)
    labels = frozenset(k for k in (letters_key(v) for v in (*sections, *tags)) if k)
    container = find_container(index)
    # Where the text sits, for finding its header: the rule's container, else the element
    # that scores best on the page as it came (the body itself is scored after chrome removal).
    best_as_it_came = score_container(root) if container is None else None
    text_start = container.primary if container is not None else best_as_it_came
    page_urls = frozenset(u.rstrip("/") for u in (url, meta.canonical, page.url) if u)
    shown = shown_headlines(index, text_start, page_urls)
    title = choose_title(shown.titles, metadata_titles(meta), keys, labels)
    # The stamp and byline are looked for near the shown headline, else near the text.
    anchor: _Element | None = text_start
    if title is not None and title.shown is not None:
        anchor = shown.elements[title.shown]
    at_headline = anchor is not text_start
    dates = date_evidence(meta, index, anchor, url, options, headline=at_headline)
    byline = visible_byline(index, anchor, headline=at_headline)
    page_kind = page_signals(meta, root)
    # From here on the tree loses its chrome: everything that reads the page as it came is above.
    container = container or scored_container(index, best_as_it_came)
    if container is not None and at_headline and anchor is not None:
        container = with_standfirst(container, anchor, index)
    signals = with_body_teasers(page_kind, container.parts if container else ())
    body = Body((), ())
    if container is not None:
        headline = title.text if title is not None else None
        body = extract_body(headline, container, index, options.max_line_chars)
    credits: list[Credit] = [byline] if byline is not None else []
    credits += [*body.credits, *metadata_credits(meta)]
    column = body.column
    signals = signals._replace(
        column_chars=column.chars, linked_chars=column.linked_chars, lead_prose=column.lead
    )
    blocks = body.blocks
    if options.boilerplate:  # lines learned as this site's chrome (Options.boilerplate)
        blocks = tuple(b for b in blocks if match_key(b.text) not in options.boilerplate)
    return PageEvidence(
        input_kind="html",
        blocks=blocks,
        title=title,
        site_keys=keys,
        dates=dates,
        credits=tuple(credits),
        site_names=names,
        sections=sections,
        tags=tags,
        description=meta.first("description") or meta.ld("description"),
        image=normalize_url(meta.first("image") or meta.ld("image"), meta.base_url or url),
        url=url,
        canonical_url=meta.canonical,
        declared_language=_language(meta),
        declared_direction=meta.html_dir,
        encoding=page.encoding,
        signals=signals,
    )
