"""Is this page one article? Raise :class:`~article_extract.errors.NotAnArticle` with a reason
when it is not.

The verdict weighs *article evidence* — metadata that describes an article (JSON-LD
``NewsArticle``…, ``og:type=article``, a published time), a publication date the page states
(not one read from its URL), a headline the page displays (confirmed by its metadata or in the
article's header, more than one word, not the site's name) — against *page-kind evidence*:
error and challenge wording, redirects, collection metadata, the URL's shape, teaser walls, a
body made of list items or short headline lines, and a body with less prose than an article's
beside teasers, captions or a table. It refuses only on strong evidence; when
the evidence is mixed it returns the article (``Options.strict`` asks for article evidence on
every page).

Rules, first hit wins (phrases in ``data/verdict.toml``):

1. ``error_page`` — the ``<title>``/``<h1>``/headline reads like an error ("404", "الصفحة غير
   موجودة") and the body is short; or the page says what only an error page says ("الصفحة
   التي تبحث عنها", "the page you are looking for") there or in its first blocks, and it does
   not describe itself as an article, or its body is short or thin prose (the teaser grids a
   404 page fills its column with are not its body);
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
   as many with article metadata), or a run of ``text_roles.MIN_TEASER_RUN`` teasers each
   under its own stamp or byline (a dump's section front or search results: headline, date
   line, summary; a text's headline that opens the run is its first teaser), unless it opens
   with prose (not thin, see rule 9) under a displayed, dated headline that is not a person's
   name: an article above its related stories;
8. ``home``/``listing`` — no article evidence at all, and the body is a list (most of its text
   in list items), a run of short headlines, or short: ``home`` when the title is the site's
   name, else ``listing``. A headline only the metadata states counts as evidence when it has
   several words and prose follows (a paragraph that reads as a sentence);
9. ``no_body``/``listing`` — the body's prose is thin (fewer than ``MIN_BODY_SENTENCES``
   sentences and ``MIN_BODY_WORDS`` words: ``text_roles.prose_of``; captions, table rows,
   headings and headline lines are no prose) beside other things: a main column
   :data:`THIN_COLUMN_RATIO` times its size, a body mostly not prose, or a wall of teasers — a
   video's one-line description, a table's note, a gallery, a day's archive. ``listing`` when
   the page does not describe itself as an article and the other things are links (a column
   mostly of linked blocks, list items, a teaser wall), else ``no_body``;
10. ``listing`` — a writer's page: no article metadata, a headline that looks like a
    person's name, less than :data:`MAX_BIO_WORDS` of prose (a bio), beside
    :data:`LISTING_MIN_TEASERS` linked headlines (teaser headings or one-link list items);
11. ``tag``/``listing`` — a short body and a tag/category/archive URL, or a wall of teaser
    headlines on the page, without article metadata or a displayed headline with its stated
    date (a short article above a wall of related stories);
12. ``no_body`` — less than :data:`MIN_BODY_CHARS` of body text.

In strict mode (``Options.strict``) a page without any article evidence is refused by rule 8
whatever its body.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from .._text import ends_like_sentence, fold, letters_key
from ..data import load_table
from ..errors import NotAnArticle
from .dates import DateDecision
from .evidence import PageEvidence
from .names import looks_like_name, names_the_site
from .text_roles import MIN_TEASER_RUN, is_thin, prose_of
from .titles import MIN_HEADLINE_WORDS, headline_words

__all__ = [
    "MIN_BODY_CHARS",
    "NOTICE_LINES",
    "article_evidence",
    "check_is_article",
    "says_not_found",
]

# A news brief is a sentence or two; less than this is not an article body.
MIN_BODY_CHARS = 80
# An error page may carry a paragraph of apology, not an article's worth of text.
ERROR_MAX_BODY_CHARS = 600
# A redirect or challenge notice is a line or two; an article that mentions one is longer.
NOTICE_MAX_BODY_CHARS = 300
CHALLENGE_MAX_BODY_CHARS = 1500
# An error title in a page's text is a short line of its own.
MAX_ERROR_TITLE_WORDS = 8
# A page without a body is read for an error notice in this many of its first lines (a dump's
# site header comes before it).
NOTICE_LINES = 60
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
# … and such thin prose is no body when the column around it holds this many times its text
# in other things (teasers, captions, table cells, the player's box), or when under this share
# of the body's text is prose.
THIN_COLUMN_RATIO = 2
THIN_BODY_PROSE_SHARE = 0.5
# A writer's bio is a few sentences: a page headed by a name with less prose than this beside
# a list of linked headlines is the writer's page.
MAX_BIO_WORDS = 80
# A main column whose text is at least this share in mostly-linked blocks (teaser headlines,
# one-link items) lists other pages.
LINKED_COLUMN_SHARE = 0.5


class _Rules(NamedTuple):
    path_segments: frozenset[str]
    tag_segments: frozenset[str]
    home_documents: frozenset[str]
    search_query_keys: frozenset[str]
    error_titles: tuple[str, ...]
    error_phrases: tuple[str, ...]
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
        error_phrases=tuple(fold(t) for t in table["error_phrases"]),
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
    if title.kind == "line" and (_listed(evidence) or _teaser_pairs(evidence)):
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


def _listed(evidence: PageEvidence) -> bool:
    """Most of the body's text is in list items."""
    blocks = evidence.blocks
    total = sum(len(b.text) for b in blocks)
    listed = sum(len(b.text) for b in blocks if b.kind == "list_item")
    return not total or listed >= LIST_BODY_SHARE * total


def _list_like(evidence: PageEvidence) -> bool:
    """The body is a list: most of its text in list items, or many of its blocks short
    headline lines (a data table's rows are cells, not headlines)."""
    blocks = evidence.blocks
    headlines = sum(
        1
        for b in blocks
        if b.kind != "table_row"
        and len(b.text) < MAX_HEADLINE_LINE_CHARS
        and not ends_like_sentence(b.text)
    )
    return _listed(evidence) or headlines >= HEADLINE_BLOCK_SHARE * len(blocks)


def _thin_body_reason(evidence: PageEvidence, body_chars: int) -> str | None:
    """Why a body of thin prose beside other things is not one (``listing`` when those things
    are links to other pages, else ``no_body``); None when the body is prose, or the page is
    that prose alone (a brief)."""
    prose = prose_of(evidence.blocks)
    if not is_thin(prose):
        return None
    signals = evidence.signals
    column = max(signals.column_chars, body_chars)
    wall = signals.teasers >= LISTING_MIN_TEASERS
    beside = (
        column >= THIN_COLUMN_RATIO * prose.chars
        or prose.chars < THIN_BODY_PROSE_SHARE * body_chars
        or wall
    )
    if not beside:
        return None
    if signals.has_article_metadata:
        return "no_body"  # one item by its own account (a video, a gallery), without its text
    # Links, not short lines, tell a list of other pages: a gallery's captions and a table's
    # cells are short lines too.
    linked = signals.linked_chars >= LINKED_COLUMN_SHARE * column
    return "listing" if linked or wall or _listed(evidence) else "no_body"


def _writer_page(evidence: PageEvidence) -> bool:
    """A writer's (or any person's) page: headed by a name, a bio's worth of prose, beside a
    wall of linked headlines (teaser headings or one-link list items), and no metadata that
    calls it an article (a short Arabic headline reads as a name too: "زلزال تركيا")."""
    title = evidence.title
    signals = evidence.signals
    if title is None or signals.has_article_metadata:
        return False
    if signals.teasers + signals.link_items < LISTING_MIN_TEASERS:
        return False
    if not looks_like_name(title.text):
        return False
    return prose_of(evidence.blocks, enough_words=MAX_BIO_WORDS).words < MAX_BIO_WORDS


def _site_titled(evidence: PageEvidence) -> bool:
    title = evidence.title
    return title is not None and names_the_site(letters_key(title.text), evidence.site_keys)


def says_not_found(lines: Iterable[str]) -> bool:
    """Do ``lines`` (a page's first lines, when it has no body at all) read like a "not found"
    error page: an error title or what only an error page says?"""
    rules = _rules()
    texts = tuple(lines)
    # An error title is a line of its own ("404 Not Found"), not a headline that says "404".
    titles = tuple(t for t in texts if len(t.split()) <= MAX_ERROR_TITLE_WORDS)
    return _says(titles, rules.error_titles) or _says(texts, rules.error_phrases)


def _error_page(
    evidence: PageEvidence, notices: tuple[str, ...], body_text: str, body_chars: int
) -> bool:
    """Rule 1: an error title ("404", "الصفحة غير موجودة") above a short body, or what only
    an error page says ("the page you are looking for…") on a page that does not describe
    itself as an article or has next to no prose (the teaser grids a 404 page fills its
    column with are not its body)."""
    rules = _rules()
    short = body_chars < ERROR_MAX_BODY_CHARS
    if short and _says(notices, rules.error_titles):
        return True
    if not _says((*notices, body_text), rules.error_phrases):
        return False
    return short or not evidence.signals.has_article_metadata or is_thin(prose_of(evidence.blocks))


def check_is_article(evidence: PageEvidence, dates: DateDecision, *, strict: bool = False) -> None:
    """Raise NotAnArticle when the page is not one article (rules in the module docstring)."""
    rules = _rules()
    signals = evidence.signals
    body_chars = sum(len(b.text) for b in evidence.blocks)
    has_meta = signals.has_article_metadata
    url = evidence.url
    parts = urlsplit(url or "")
    headline = evidence.title.text if evidence.title is not None else ""
    notices = (signals.title_tag or "", *signals.headings, headline)
    body_text = " ".join(b.text for b in evidence.blocks[:3])
    if _error_page(evidence, notices, body_text, body_chars):
        raise NotAnArticle("the page is an error page (not found)", reason="error_page")
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
    # An article's own text comes before the related stories its container may hold (a
    # writer's page opens with a bio too, under the writer's name: no headline).
    opens_with_text = (
        not is_thin(signals.lead_prose)
        and _dated_headline(evidence, dates)
        and not looks_like_name(evidence.title.text if evidence.title else "")
    )
    # Teasers each under its own stamp are a list of other stories at fewer than linked
    # headlines are: an article states one date, and a dump's teasers carry no links.
    teasers = signals.body_teasers >= teaser_limit or signals.stamped_teasers >= MIN_TEASER_RUN
    if teasers and not opens_with_text:
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
    thin = _thin_body_reason(evidence, body_chars) if body_chars >= MIN_BODY_CHARS else None
    if thin == "listing":
        raise NotAnArticle(
            "the page's text is a line or two beside a list of links to other pages",
            reason="listing",
        )
    if thin is not None:
        raise NotAnArticle(
            "no article body: a line or two of text beside teasers, captions or a table",
            reason="no_body",
        )
    if body_chars >= MIN_BODY_CHARS and _writer_page(evidence):
        raise NotAnArticle(
            "the page is headed by a person's name and lists linked headlines beside a bio",
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
