"""What an input path hands the decision layer: typed evidence, not decisions.

Every path (``_html``, ``_dump``, ``_markdown``) ends in one :class:`PageEvidence`;
:func:`..decide` turns it into an :class:`~article_extract.Article`. Values are immutable
records; text is cleaned by the stage that produced it.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from .._model import BlockKind, InputKind
from .dates import DateEvidence
from .text_roles import Prose
from .titles import TitleDecision

__all__ = ["BlockDraft", "Credit", "CreditOrigin", "PageEvidence", "PageSignals"]

CreditOrigin = Literal["byline", "body", "json-ld", "meta", "microdata"]


class BlockDraft(NamedTuple):
    kind: BlockKind
    text: str


class Credit(NamedTuple):
    """Authors and/or a source, as one statement on the page gives them: a byline near the
    headline, a credit line at the body's edges, or metadata."""

    origin: CreditOrigin
    authors: tuple[str, ...] = ()
    source: str | None = None


class PageSignals(NamedTuple):
    """What the page says about its own kind (read by the article-or-not verdict)."""

    has_article_metadata: bool = False  # JSON-LD article, og:type article, a published time
    listing_metadata: bool = False  # JSON-LD CollectionPage/ItemList… and no article
    title_tag: str | None = None  # the document title (HTML <title>, a dump's first line)
    headings: tuple[str, ...] = ()  # the page's <h1>s
    meta_refresh: bool = False  # <meta http-equiv="refresh">: the page sends readers away
    teasers: int = 0  # linked teaser headlines on the whole page
    body_teasers: int = 0  # linked teaser headlines inside the body container
    # Teasers in the body each under its own stamp or byline (``text_roles.teaser_runs``; a
    # text's headline among them when it opens the run): a section front's or a search's.
    stamped_teasers: int = 0
    # List items that are one linked headline, on the whole page (not counted, 0, on a page
    # with article metadata).
    link_items: int = 0
    # The main column as the page serves it (the body container before chrome removal; 0 where
    # a path has no such column): its text, and the part of it in blocks that are mostly links
    # (teaser headlines, one-link items, menus). Each distinct text counted once.
    column_chars: int = 0
    linked_chars: int = 0
    # The prose the main column opens with, before its first linked teaser headline (an
    # article's text comes before the related stories; a listing's summaries come after their
    # headlines).
    lead_prose: Prose = Prose(0, 0.0, 0)


class PageEvidence(NamedTuple):
    """Everything one path found on one page."""

    input_kind: InputKind
    blocks: tuple[BlockDraft, ...]
    title: TitleDecision | None
    site_keys: frozenset[str]  # keys of every name the site gives itself (see titles.site_keys)
    dates: tuple[DateEvidence, ...] = ()
    credits: tuple[Credit, ...] = ()  # best first
    site_names: tuple[str, ...] = ()  # stated by the page, best first; handles (@name) last
    # Guessed from the layout (a dump's short unlabelled line by the headline): weaker than the
    # site affix of a "Headline - Site" title.
    site_name_guesses: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()  # best first
    tags: tuple[str, ...] = ()
    description: str | None = None
    image: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    declared_language: str | None = None
    declared_direction: str | None = None
    encoding: str | None = None
    signals: PageSignals = PageSignals()
