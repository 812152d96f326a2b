"""Is this page one article? Raise :class:`~article_extract.errors.NotAnArticle` with a reason
when it is not.

The verdict weighs *article evidence* — metadata that describes an article (JSON-LD
``NewsArticle``…, ``og:type=article``, a published time), a publication date the page states
(not one read from its URL), a headline the page displays (confirmed by its metadata or in the
article's header, more than one word, not the site's name) — against *page-kind evidence*:
error and challenge wording, redirects, collection metadata, the URL's shape, teaser walls, and
a body made of list items or short headline lines. It refuses only on strong evidence; when
the evidence is mixed it returns the article (``Options.strict`` asks for article evidence on
every page).

Rules, first hit wins (phrases in ``data/verdict.toml``):

1. ``error_page`` — the ``<title>``/``<h1>`` reads like an error ("404", "الصفحة غير موجودة")
   and the body is short;
2. ``challenge`` — a bot check ("Checking your browser", "Just a moment…", "Attention
   Required") with a short body (read before the redirect rule: bot checks refresh
   themselves);
3. ``redirect`` — a ``<meta http-equiv=refresh>`` or a redirect notice ("Object moved",
   "Redirecting to …", "302 Found") with next to no text;
4. ``search`` — the URL carries a search query (``?s=…``, ``?q=…``) and no article metadata;
5. ``listing`` — JSON-LD says ``CollectionPage``/``SearchResultsPage``/``ItemList`` and nothing
   describes an article;
6. ``home`` — the URL is the site root (or its index document, ``/index.php``) and no
   metadata describes an article;
7. ``listing`` — the body container holds :data:`CONTAINER_MIN_TEASERS` linked headlines (twice
   as many with article metadata);
8. ``home``/``listing`` — no article evidence at all, and the body is a list (most of its text
   in list items), a run of short headlines, or short: ``home`` when the title is the site's
   name, else ``listing``. A headline only the metadata states counts as evidence when it has
   several words and prose follows (a paragraph that reads as a sentence);
9. ``tag``/``listing`` — a short body and a tag/category/archive URL, or a wall of teaser
   headlines on the page, without article metadata or a displayed headline with its stated
   date (a short article above a wall of related stories);
10. ``no_body`` — less than :data:`MIN_BODY_CHARS` of body text.

In strict mode (``Options.strict``) a page without any article evidence is refused by rule 8
whatever its body.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from .._text import ends_like_sentence, fold, letters_key
from ..data import load_table
from ..errors import NotAnArticle
from .dates import DateDecision
from .evidence import PageEvidence
from .names import names_the_site
from .titles import MIN_HEADLINE_WORDS, headline_words

__all__ = ["MIN_BODY_CHARS", "article_evidence", "check_is_article"]

# A news brief is a sentence or two; less than this is not an article body.
MIN_BODY_CHARS = 80
# An error page may carry a paragraph of apology, not an article's worth of text.
ERROR_MAX_BODY_CHARS = 600
# A redirect or challenge notice is a line or two; an article that mentions one is longer.
NOTICE_MAX_BODY_CHARS = 300
CHALLENGE_MAX_BODY_CHARS = 1500
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
# Without article evidence, a body with at least this share of its text in list items, or of
# its blocks short unpunctuated headline lines, is a list of teasers.
LIST_BODY_SHARE = 0.5
HEADLINE_BLOCK_SHARE = 0.3
# A headline line is shorter than this and does not end like a sentence.
MAX_HEADLINE_LINE_CHARS = 120
# A headline only metadata states counts as article evidence when it has this many words (a
# section is named in one or two)…
MIN_METADATA_HEADLINE_WORDS = 4
# … and the body holds a paragraph at least this long that ends like a sentence.
MIN_PROSE_CHARS = 150
# A text's headline is the line its layout puts above the body, and a listing's text puts a
# teaser's headline there: it is no evidence of an article when the body is a run of teasers —
# at least this many headings each over one paragraph (its summary) and the next heading…
MIN_TEASER_PAIRS = 4
# … that many of the body's headings at least.
TEASER_PAIR_SHARE = 1 / 4


class _Rules(NamedTuple):
    path_segments: frozenset[str]
    tag_segments: frozenset[str]
    home_documents: frozenset[str]
    search_query_keys: frozenset[str]
    error_titles: tuple[str, ...]
    redirect_phrases: tuple[str, ...]
    challenge_phrases: tuple[str, ...]


@cache
def _rules() -> _Rules:
    table = load_table("verdict")
    return _Rules(
        path_segments=frozenset(table["listing_path_segments"]),
        tag_segments=frozenset(table["tag_path_segments"]),
        home_documents=frozenset(table["home_documents"]),
        search_query_keys=frozenset(table["search_query_keys"]),
        error_titles=tuple(fold(t) for t in table["error_titles"]),
        redirect_phrases=tuple(fold(t) for t in table["redirect_phrases"]),
        challenge_phrases=tuple(fold(t) for t in table["challenge_phrases"]),
    )


def _says(texts: tuple[str, ...], phrases: tuple[str, ...]) -> bool:
    folded = [fold(t) for t in texts if t]
    return any(phrase in text for phrase in phrases for text in folded)


def _has_headline(evidence: PageEvidence) -> bool:
    """The page displays a headline that is not its site's name (titles rules 1, 2 and 4); a
    plain heading that no metadata confirms counts only above prose."""
    title = evidence.title
    if title is None or title.rule not in (1, 2, 4):
        return False
    if letters_key(title.text) in evidence.site_keys:
        return False
    if headline_words(title.text) < MIN_HEADLINE_WORDS:
        return False
    if title.kind == "line" and (_mostly_list_items(evidence) or _teaser_pairs(evidence)):
        return False
    return title.kind != "heading" or _prose(evidence)


def _teaser_pairs(evidence: PageEvidence) -> bool:
    """The body is a run of teasers: headings each over a single paragraph, then the next
    heading (:data:`MIN_TEASER_PAIRS`). An article's subheadings head several paragraphs."""
    kinds = [b.kind for b in evidence.blocks]
    pairs = sum(
        1
        for at in range(1, len(kinds) - 1)
        if kinds[at] == "paragraph" and kinds[at - 1] == "heading" and kinds[at + 1] == "heading"
    )
    return pairs >= MIN_TEASER_PAIRS and pairs >= TEASER_PAIR_SHARE * kinds.count("heading")


def _prose(evidence: PageEvidence) -> bool:
    """The body reads as prose: not a list, and a paragraph that reads as a sentence."""
    return not _list_like(evidence) and any(
        b.kind == "paragraph" and len(b.text) >= MIN_PROSE_CHARS and ends_like_sentence(b.text)
        for b in evidence.blocks
    )


def _metadata_headline_over_prose(evidence: PageEvidence) -> bool:
    """A headline only its metadata states (not the site's name, several words) above prose:
    at least one paragraph that reads as a sentence."""
    title = evidence.title
    if title is None or title.rule not in (3, 5) or _site_titled(evidence):
        return False
    if headline_words(title.text) < MIN_METADATA_HEADLINE_WORDS:
        return False
    return _prose(evidence)


def article_evidence(evidence: PageEvidence, dates: DateDecision) -> int:
    """How many kinds of article evidence the page shows: article metadata, a stated date, a
    displayed headline (or a headline its metadata states, above prose)."""
    headline = _has_headline(evidence) or _metadata_headline_over_prose(evidence)
    return sum((evidence.signals.has_article_metadata, _stated_date(dates), headline))


def _stated_date(dates: DateDecision) -> bool:
    """The page states its date (not one read from its URL)."""
    return dates.origin is not None and dates.origin != "url"


def _dated_headline(evidence: PageEvidence, dates: DateDecision) -> bool:
    """The page displays a headline and states its date: one article, whatever teasers stand
    around it (a short article without metadata above a wall of related stories)."""
    return _stated_date(dates) and _has_headline(evidence)


def _list_like(evidence: PageEvidence) -> bool:
    """Most of the body's text in list items, or many of its blocks short headline lines."""
    blocks = evidence.blocks
    headlines = sum(
        1
        for b in blocks
        if len(b.text) < MAX_HEADLINE_LINE_CHARS and not ends_like_sentence(b.text)
    )
    return _mostly_list_items(evidence) or headlines >= HEADLINE_BLOCK_SHARE * len(blocks)


def _mostly_list_items(evidence: PageEvidence) -> bool:
    """At least :data:`LIST_BODY_SHARE` of the body's text is in list items (or it has none)."""
    blocks = evidence.blocks
    total = sum(len(b.text) for b in blocks)
    listed = sum(len(b.text) for b in blocks if b.kind == "list_item")
    return not total or listed >= LIST_BODY_SHARE * total


def _site_titled(evidence: PageEvidence) -> bool:
    title = evidence.title
    return title is not None and names_the_site(letters_key(title.text), evidence.site_keys)


def check_is_article(evidence: PageEvidence, dates: DateDecision, *, strict: bool = False) -> None:
    """Raise NotAnArticle when the page is not one article (rules in the module docstring)."""
    rules = _rules()
    signals = evidence.signals
    body_chars = sum(len(b.text) for b in evidence.blocks)
    has_meta = signals.has_article_metadata
    url = evidence.url
    parts = urlsplit(url or "")
    notices = (signals.title_tag or "", *signals.headings)
    if body_chars < ERROR_MAX_BODY_CHARS and _says(notices, rules.error_titles):
        raise NotAnArticle("the page is an error page (not found)", reason="error_page")
    body_text = " ".join(b.text for b in evidence.blocks[:3])
    # A bot check often refreshes itself: its wording is read before the refresh.
    if body_chars < CHALLENGE_MAX_BODY_CHARS and _says(
        (*notices, body_text), rules.challenge_phrases
    ):
        raise NotAnArticle("the page is a bot check (challenge)", reason="challenge")
    if body_chars < NOTICE_MAX_BODY_CHARS and (
        signals.meta_refresh or _says((*notices, body_text), rules.redirect_phrases)
    ):
        raise NotAnArticle("the page is a redirect notice", reason="redirect")
    query = parse_qs(parts.query)
    if not has_meta and any(key in query for key in rules.search_query_keys):
        raise NotAnArticle("the page lists search results", reason="search")
    if signals.listing_metadata and not has_meta:
        raise NotAnArticle("the page's metadata describes a collection", reason="listing")
    segments = [s.lower() for s in unquote(parts.path).split("/") if s]
    at_root = not segments or (len(segments) == 1 and segments[0] in rules.home_documents)
    if url and at_root and not parts.query and not has_meta:
        raise NotAnArticle("the page is a site's home page", reason="home")
    teaser_limit = CONTAINER_MIN_TEASERS if not has_meta else 2 * CONTAINER_MIN_TEASERS
    if signals.body_teasers >= teaser_limit:
        raise NotAnArticle("the page's main column is a list of article teasers", reason="listing")
    list_like = _list_like(evidence)
    short_or_listed = body_chars < LISTING_MAX_BODY_CHARS or list_like
    if (
        body_chars >= MIN_BODY_CHARS
        and (strict or short_or_listed)
        and not article_evidence(evidence, dates)
    ):
        if _site_titled(evidence) or (url and at_root):
            raise NotAnArticle(
                "the page is titled with the site's name and shows teasers, no article",
                reason="home",
            )
        what = "a list" if list_like else "short"
        raise NotAnArticle(
            f"the page shows no headline, date or article metadata, and its text is {what}",
            reason="listing",
        )
    limit = LISTING_MAX_BODY_WITH_METADATA if has_meta else LISTING_MAX_BODY_CHARS
    if body_chars < limit:
        section = next((s for s in segments[:2] if s in rules.path_segments), None)
        if section is not None:
            reason = "tag" if section in rules.tag_segments else "listing"
            raise NotAnArticle(
                f"the URL is a listing page ('/{section}/'), not an article", reason=reason
            )
        if signals.teasers >= LISTING_MIN_TEASERS and not _dated_headline(evidence, dates):
            raise NotAnArticle("the page is a list of article teasers", reason="listing")
    if body_chars < MIN_BODY_CHARS:
        raise NotAnArticle("no article body found on the page", reason="no_body")
