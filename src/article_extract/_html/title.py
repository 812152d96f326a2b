"""Headline evidence from HTML: the headlines the page shows and the titles its metadata states.

The choice itself is :func:`article_extract._decide.titles.choose_title`; this stage only
collects, best first:

* shown headlines — every ``<h1>`` (flagged when it sits inside nav/footer/aside), then
  headline-like headings (``h2``/``h3``, or a ``title``/``headline`` class on a
  div/span/p/td). An ``<h1>`` is ``in_header`` when it sits in the article's header: inside
  the body container's ``<article>``, or at most :data:`MAX_HEADER_DISTANCE` elements before
  the container (or at the very top of it), a heading only when it is the nearest one above
  the container; neither when it links to another page (a teaser's headline does; a
  permalink to the page itself is fine);
* metadata titles — JSON-LD ``headline``/``name``, ``og:title``/``twitter:title``/…,
  microdata ``headline``, ``<title>``;
* the site's names (for the site-affix split): ``og:site_name``-like keys, JSON-LD publisher
  and ``WebSite`` names, then handles (``twitter:site``).
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple
from urllib.parse import urldefrag

from lxml.etree import _Element

from .._decide.titles import MAX_TITLE_CHARS, MetadataTitle, ShownKind, ShownTitle
from .._text import clean_text
from .index import TreeIndex
from .metadata import PageMeta
from .parse import text_content
from .tokens import TokenRules

__all__ = ["ShownHeadlines", "metadata_titles", "shown_headlines", "site_name_candidates"]

# How many elements (document order) before the body container a headline may sit and still
# be the article's: breadcrumbs, a kicker, share bars and a lead image lie between.
MAX_HEADER_DISTANCE = 80
# A heading at least this share link text is a link.
TEASER_LINK_SHARE = 0.7
# Elements from the container's start within which a headline inside it is still its header.
MAX_INNER_HEADER_DISTANCE = 10
_NOT_TITLE_ANCESTORS = frozenset({"nav", "footer", "aside"})
_HEADLINE_TOKENS = TokenRules(["title", "headline", "heading", "post title", "entry title"])
# Tags that are a headline when their class/id says so (old CMSs print it as a td.title).
_HEADLINE_CLASSED_TAGS = frozenset({"div", "span", "p", "td"})


class ShownHeadlines(NamedTuple):
    """Shown headlines (decision input) and, index for index, their elements (the anchor)."""

    titles: tuple[ShownTitle, ...]
    elements: tuple[_Element, ...]


def metadata_titles(meta: PageMeta) -> tuple[MetadataTitle, ...]:
    found: list[MetadataTitle] = []
    headline = meta.ld("headline") or meta.ld("name")
    if headline:
        found.append(MetadataTitle("json-ld", headline))
    found.extend(MetadataTitle("meta", value) for value in meta.all("title"))
    micro = meta.micro("headline")
    if micro:
        found.append(MetadataTitle("microdata", micro))
    if meta.title_tag:
        found.append(MetadataTitle("title", meta.title_tag))
    cleaned = (MetadataTitle(t.origin, clean_text(t.text)) for t in found)
    return tuple(t for t in cleaned if t.text)


def site_name_candidates(meta: PageMeta) -> tuple[str, ...]:
    """The names the page gives its site, best first, handles last."""
    return (*meta.all("site_name"), *meta.site_names, *meta.all("site_handle"))


def _in_chrome(element: _Element) -> bool:
    return any(a.tag in _NOT_TITLE_ANCESTORS for a in element.iterancestors())


def _in_header(element: _Element, index: TreeIndex, container: _Element | None) -> bool:
    if container is None:
        return False
    position = index.position
    start = position.get(container, 0)
    here = position.get(element, -1)
    if 0 <= start - here <= MAX_HEADER_DISTANCE:
        return True
    if 0 <= here - start <= MAX_INNER_HEADER_DISTANCE:
        return True
    scope = next((a for a in container.iterancestors() if a.tag == "article"), None)
    return scope is not None and scope in set(element.iterancestors())


def _headings(index: TreeIndex) -> list[_Element]:
    """``h2``/``h3`` elements (libxml2 finds them) and the headline-classed elements of
    :data:`_HEADLINE_CLASSED_TAGS` (the index matches each distinct token sequence once), in
    document order."""
    by_tag = index.root.iter("h2", "h3")
    by_tokens = (e for e in index.matching(_HEADLINE_TOKENS) if e.tag in _HEADLINE_CLASSED_TAGS)
    return sorted({*by_tag, *by_tokens}, key=index.position.__getitem__)


def _links_elsewhere(element: _Element, page_urls: frozenset[str]) -> bool:
    """A heading that is mostly a link to another page: a teaser's headline (a headline that
    links to the page itself is its permalink)."""
    links = list(element.iter("a"))
    wrapper = next((a for a in element.iterancestors("a")), None)
    if wrapper is not None:
        links = [wrapper]
    if not links:
        return False
    linked = sum(len(clean_text(text_content(a))) for a in links)
    if wrapper is None and linked < TEASER_LINK_SHARE * len(clean_text(text_content(element))):
        return False
    targets = {urldefrag(a.get("href") or "")[0].rstrip("/") for a in links}
    return not targets <= page_urls


def shown_headlines(
    index: TreeIndex, container: _Element | None, page_urls: frozenset[str] = frozenset()
) -> ShownHeadlines:
    """The headlines the page shows, ``<h1>``s first (see the module docstring)."""
    titles: list[ShownTitle] = []
    elements: list[_Element] = []
    # A page may repeat a heading thousands of times: its text is cleaned, and held, once, and
    # so is each distinct record.
    clean, shown = cache(clean_text), cache(ShownTitle)

    def add(kind: ShownKind, element: _Element, header: bool) -> None:
        text = clean(text_content(element))
        if text and len(text) <= MAX_TITLE_CHARS:
            titles.append(shown(text, kind, header, _in_chrome(element)))
            elements.append(element)

    for element in index.root.iter("h1"):
        header = _in_header(element, index, container)
        add("h1", element, header and not _links_elsewhere(element, page_urls))
    headings = _headings(index)
    nearest = _nearest_above(headings, index, container)
    if nearest is not None and _links_elsewhere(nearest, page_urls):
        nearest = None
    for element in headings:
        add("heading", element, element is nearest)
    return ShownHeadlines(tuple(titles), tuple(elements))


def _nearest_above(
    headings: list[_Element], index: TreeIndex, container: _Element | None
) -> _Element | None:
    """The heading closest above the body container, within the article's header: a theme
    that prints the headline as an ``<h2>`` or a ``td.title`` (old CMSs)."""
    if container is None:
        return None
    start = index.position.get(container, 0)
    above = [h for h in headings if 0 <= start - index.position.get(h, -1) <= MAX_HEADER_DISTANCE]
    return max(above, key=index.position.__getitem__, default=None)
