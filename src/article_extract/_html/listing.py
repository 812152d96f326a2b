"""Page-kind evidence from HTML, for the article-or-not verdict
(:mod:`article_extract._decide.verdict`): article or listing metadata, the title and ``<h1>``s
(error, redirect and challenge wording), a meta refresh, walls of linked teaser headlines and
lists of linked headlines — read before chrome removal changes the tree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

from lxml.etree import _Element

from .._decide.evidence import PageSignals
from .._decide.text_roles import TEASER_LINK_SHARE
from .._text import clean_text
from .metadata import PageMeta
from .parse import text_content

__all__ = ["link_item_count", "page_signals", "teaser_count", "with_body_teasers"]

_TEASER_EXCLUDED_ANCESTORS = frozenset({"nav", "footer", "header"})
# A linked headline has this many words: a menu's or a tag cloud's links have a word or two.
MIN_LINKED_HEADLINE_WORDS = 3


def _has_article_metadata(meta: PageMeta) -> bool:
    if meta.article is not None:
        return True
    og_type = (meta.first("type") or "").lower()
    if og_type.startswith("article"):
        return True
    return bool(meta.all("published"))


def teaser_count(root: _Element) -> int:
    """Linked headlines (``h2``–``h4`` that are mostly a link) outside nav/header/footer."""
    count = 0
    for heading in root.iter("h2", "h3", "h4"):
        if _excluded(heading):
            continue
        text = clean_text(text_content(heading))
        if not text:
            continue
        linked = sum(len(clean_text(text_content(a))) for a in heading.iter("a"))
        if linked >= TEASER_LINK_SHARE * len(text):
            count += 1
    return count


def _excluded(element: _Element) -> bool:
    return any(a.tag in _TEASER_EXCLUDED_ANCESTORS for a in element.iterancestors())


def link_item_count(root: _Element, clean: Callable[[str], str] = clean_text) -> int:
    """List items outside nav/header/footer that are one linked headline: at least
    :data:`MIN_LINKED_HEADLINE_WORDS` words, mostly inside one link (a date or a section label
    may stand beside it). An item holding a list is a menu's branch, not a headline; the
    cheap tests come first (a page may hold thousands of items, nested deep). ``clean`` is the
    page's memoised :func:`clean_text` (a page repeats its items' shapes and labels)."""
    count = 0
    for item in root.iter("li"):
        if item.find(".//li") is not None:
            continue
        links = list(item.iter("a"))
        if not links:
            continue
        text = clean(text_content(item))
        if len(text.split(maxsplit=MIN_LINKED_HEADLINE_WORDS)) < MIN_LINKED_HEADLINE_WORDS:
            continue
        linked = max(len(clean(text_content(a))) for a in links)
        if linked >= TEASER_LINK_SHARE * len(text) and not _excluded(item):
            count += 1
    return count


def page_signals(meta: PageMeta, root: _Element) -> PageSignals:
    """The page's signals, read before chrome removal changes the tree (``body_teasers`` is
    filled in once the body container is known: :func:`with_body_teasers`)."""
    clean = cache(clean_text)  # a repeated <h1>'s text is held once
    has_article_metadata = _has_article_metadata(meta)
    return PageSignals(
        has_article_metadata=has_article_metadata,
        listing_metadata=meta.listing_jsonld,
        title_tag=meta.title_tag,
        headings=tuple(clean(text_content(h)) for h in root.iter("h1")),
        meta_refresh=bool(meta.meta.get("refresh")),
        teasers=teaser_count(root),
        # Read for the writer's-page rule, which a page calling itself an article never meets.
        link_items=0 if has_article_metadata else link_item_count(root, clean),
    )


def with_body_teasers(signals: PageSignals, parts: Iterable[_Element]) -> PageSignals:
    """``signals`` with the teaser headlines inside the body container's ``parts``."""
    return signals._replace(body_teasers=sum(teaser_count(p) for p in parts))
