"""Is this page one article? Home pages, section/tag listings, search results and error pages
raise :class:`~article_extract.errors.NotAnArticle` with a reason.

Rules, first hit wins (signals from ``data/html_listing.toml``):

1. ``error_page`` — the ``<title>``/``<h1>`` reads like an error ("404", "الصفحة غير موجودة")
   and the body is short;
2. ``search`` — the URL carries a search query (``?s=…``, ``?q=…``) and the page has no article
   metadata;
3. ``listing`` — JSON-LD says ``CollectionPage``/``SearchResultsPage``/``ItemList`` and nothing
   describes an article;
4. ``home_page`` — the URL is the site root and the page has no article metadata;
5. ``listing`` — the body container itself holds :data:`CONTAINER_MIN_TEASERS` linked
   headlines (twice as many when metadata says "article"); or the URL path is a
   tag/category/author/archive path, or the page is a wall of linked teaser headlines, while the
   extracted body is short and no metadata describes an article;
6. ``no_body`` — less than :data:`MIN_BODY_CHARS` of body text.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from lxml.html import HtmlElement

from .._draft import BlockDraft
from .._text import clean_text, fold
from ..errors import NotAnArticle
from .metadata import PageMeta
from .rules import listing_rules

__all__ = ["MIN_BODY_CHARS", "PageSignals", "check_is_article", "page_signals", "teaser_count"]

# A news brief is a sentence or two; less than this is not an article body.
MIN_BODY_CHARS = 80
# An error page may carry a paragraph of apology, not an article's worth of text.
ERROR_MAX_BODY_CHARS = 600
# This many linked teaser headlines make a page a listing, unless the body is long.
LISTING_MIN_TEASERS = 8
# A listing's "body" (teaser summaries) stays under this; a real article with many related
# links below it exceeds it.
LISTING_MAX_BODY_CHARS = 1500
# With explicit article metadata, only a body this short still counts as a listing.
LISTING_MAX_BODY_WITH_METADATA = 300
# This many linked headlines inside the body container make it a teaser list (articles link
# to related stories below the text, and those boxes are not inside the container).
CONTAINER_MIN_TEASERS = 5
# A heading whose text is at least this share link text is a teaser headline.
TEASER_LINK_SHARE = 0.7
_TEASER_EXCLUDED_ANCESTORS = frozenset({"nav", "footer", "header"})


def _has_article_metadata(meta: PageMeta) -> bool:
    if meta.article is not None:
        return True
    og_type = (meta.first("type") or "").lower()
    if og_type == "article" or og_type.startswith("article"):
        return True
    return bool(meta.all("published"))


def teaser_count(root: HtmlElement) -> int:
    """Linked headlines (``h2``–``h4`` that are mostly a link) outside nav/header/footer."""
    return _teaser_count(root)


def _teaser_count(root: HtmlElement) -> int:
    count = 0
    for heading in root.iter("h2", "h3", "h4"):
        if any(a.tag in _TEASER_EXCLUDED_ANCESTORS for a in heading.iterancestors()):
            continue
        text = clean_text(heading.text_content())
        if not text:
            continue
        linked = sum(len(clean_text(a.text_content())) for a in heading.iter("a"))
        if linked >= TEASER_LINK_SHARE * len(text):
            count += 1
    return count


def _looks_like_error(meta: PageMeta, root: HtmlElement) -> bool:
    texts = [meta.title_tag or ""] + [clean_text(h.text_content()) for h in root.iter("h1")]
    folded = [fold(t) for t in texts if t]
    return any(marker in text for marker in listing_rules().error_titles for text in folded)


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What the listing rules read from the tree, taken before chrome removal changes it."""

    teasers: int
    error_like: bool


def page_signals(meta: PageMeta, root: HtmlElement) -> PageSignals:
    return PageSignals(_teaser_count(root), _looks_like_error(meta, root))


def check_is_article(
    meta: PageMeta,
    signals: PageSignals,
    blocks: list[BlockDraft],
    url: str | None,
    body_teasers: int = 0,
) -> None:
    """Raise NotAnArticle when the page is not one article (rules in the module docstring)."""
    rules = listing_rules()
    body_chars = sum(len(b.text) for b in blocks)
    has_meta = _has_article_metadata(meta)
    parts = urlsplit(url or "")
    if body_chars < ERROR_MAX_BODY_CHARS and signals.error_like:
        raise NotAnArticle("the page is an error page (not found)", reason="error_page")
    query = parse_qs(parts.query)
    if not has_meta and any(key in query for key in rules.search_query_keys):
        raise NotAnArticle("the page lists search results", reason="search")
    if meta.listing_jsonld and not has_meta:
        raise NotAnArticle("the page's metadata describes a collection", reason="listing")
    segments = [s.lower() for s in unquote(parts.path).split("/") if s]
    if url and not segments and not parts.query and not has_meta:
        raise NotAnArticle("the page is a site's home page", reason="home_page")
    if body_teasers >= (CONTAINER_MIN_TEASERS if not has_meta else 2 * CONTAINER_MIN_TEASERS):
        raise NotAnArticle("the page's main column is a list of article teasers", reason="listing")
    limit = LISTING_MAX_BODY_WITH_METADATA if has_meta else LISTING_MAX_BODY_CHARS
    if body_chars < limit:
        if any(s in rules.path_segments for s in segments[:2]):
            raise NotAnArticle("the URL is a section, tag or archive listing", reason="listing")
        if signals.teasers >= LISTING_MIN_TEASERS:
            raise NotAnArticle("the page is a list of article teasers", reason="listing")
    if body_chars < MIN_BODY_CHARS:
        raise NotAnArticle("no article body found on the page", reason="no_body")
