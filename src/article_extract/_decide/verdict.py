"""Is this page one article? Raise :class:`~article_extract.errors.NotAnArticle` with a reason
when it is not.

Rules, first hit wins (signals from ``data/verdict.toml`` and the path's
:class:`.evidence.PageSignals`):

1. ``error_page`` — the ``<title>``/``<h1>`` reads like an error ("404", "الصفحة غير موجودة")
   and the body is short;
2. ``search`` — the URL carries a search query (``?s=…``, ``?q=…``) and the page has no article
   metadata;
3. ``listing`` — JSON-LD says ``CollectionPage``/``SearchResultsPage``/``ItemList`` and nothing
   describes an article;
4. ``home`` — the URL is the site root and the page has no article metadata;
5. ``listing`` — the body container itself holds :data:`CONTAINER_MIN_TEASERS` linked
   headlines (twice as many when metadata says "article"); or the URL path is a
   tag/category/author/archive path, or the page is a wall of linked teaser headlines, while the
   extracted body is short and no metadata describes an article;
6. ``no_body`` — less than :data:`MIN_BODY_CHARS` of body text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from urllib.parse import parse_qs, unquote, urlsplit

from .._text import fold
from ..data import load_table
from ..errors import NotAnArticle
from .evidence import PageEvidence

__all__ = ["MIN_BODY_CHARS", "check_is_article", "error_titles"]

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


@dataclass(frozen=True, slots=True)
class _Rules:
    path_segments: frozenset[str]
    search_query_keys: frozenset[str]
    error_titles: tuple[str, ...]


@cache
def _rules() -> _Rules:
    table = load_table("verdict")
    return _Rules(
        path_segments=frozenset(table["listing_path_segments"]),
        search_query_keys=frozenset(table["search_query_keys"]),
        error_titles=tuple(fold(t) for t in table["error_titles"]),
    )


def error_titles() -> tuple[str, ...]:
    """Folded phrases of error-page titles ("404", "الصفحة غير موجودة")."""
    return _rules().error_titles


def check_is_article(evidence: PageEvidence) -> None:
    """Raise NotAnArticle when the page is not one article (rules in the module docstring)."""
    rules = _rules()
    signals = evidence.signals
    body_chars = sum(len(b.text) for b in evidence.blocks)
    has_meta = signals.has_article_metadata
    url = evidence.url
    parts = urlsplit(url or "")
    if body_chars < ERROR_MAX_BODY_CHARS and signals.error_like:
        raise NotAnArticle("the page is an error page (not found)", reason="error_page")
    query = parse_qs(parts.query)
    if not has_meta and any(key in query for key in rules.search_query_keys):
        raise NotAnArticle("the page lists search results", reason="search")
    if signals.listing_metadata and not has_meta:
        raise NotAnArticle("the page's metadata describes a collection", reason="listing")
    segments = [s.lower() for s in unquote(parts.path).split("/") if s]
    if url and not segments and not parts.query and not has_meta:
        raise NotAnArticle("the page is a site's home page", reason="home")
    teaser_limit = CONTAINER_MIN_TEASERS if not has_meta else 2 * CONTAINER_MIN_TEASERS
    if signals.body_teasers >= teaser_limit:
        raise NotAnArticle("the page's main column is a list of article teasers", reason="listing")
    limit = LISTING_MAX_BODY_WITH_METADATA if has_meta else LISTING_MAX_BODY_CHARS
    if body_chars < limit:
        if any(s in rules.path_segments for s in segments[:2]):
            raise NotAnArticle("the URL is a section, tag or archive listing", reason="listing")
        if signals.teasers >= LISTING_MIN_TEASERS:
            raise NotAnArticle("the page is a list of article teasers", reason="listing")
    if body_chars < MIN_BODY_CHARS:
        raise NotAnArticle("no article body found on the page", reason="no_body")
