"""The decision layer: one place where every rule that turns evidence into answers lives.

Input paths (``_html``, ``_dump``, ``_markdown``) gather evidence — typed candidates with their
origin and features — and hand it here as one :class:`.evidence.PageEvidence`. Each answer is
decided by one module, whatever the input kind, so the same page read as HTML, as a dump or as
Markdown gets the same answers:

=============  ==============================================================================
``titles``     the headline, its site-affix split, the site-name keys
``dates``      published/modified: plausibility, the URL rule, roles, zones, printed text
``names``      what a person's name looks like; which names can be authors
``labels``     site name, section, authors and source
``language``   language and direction, from the declared tag and the text's script and words
``verdict``    whether the page is one article (a reason when it is not)
=============  ==============================================================================

:func:`decide` applies them in that order and builds the :class:`~article_extract.Article`
(through ``_build``, the one place pydantic validates).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._build import build_article
from .._byline import agency_for_language
from .._model import Article, Options
from .._text import letters_key
from ..errors import NotAnArticle
from .dates import choose_dates
from .evidence import BlockDraft, PageEvidence
from .labels import choose_authors, choose_section, choose_site_name
from .language import SCAN_CHARS, decide_language, direction_of
from .titles import TitleDecision
from .verdict import check_is_article

__all__ = ["decide"]

# More tags than this in a keyword list is keyword stuffing; keep the first ones.
MAX_TAGS = 30


def decide(evidence: PageEvidence, options: Options) -> Article:
    """The Article the evidence supports (raises NotAnArticle / InvalidArticle)."""
    dates = choose_dates(evidence.dates, options)
    check_is_article(evidence, dates, strict=options.strict)
    title = evidence.title
    if title is None:
        raise NotAnArticle("the page has no headline", reason="no_title")
    section = choose_section(evidence.sections)
    named = (*evidence.sections, *evidence.tags)
    labels = frozenset(k for k in (letters_key(v) for v in named) if k)
    keys = evidence.site_keys | title.affix_keys
    authors, source = choose_authors(evidence.credits, keys, labels)
    text = _text_head(evidence.blocks)
    language = decide_language(evidence.declared_language, text)
    fields: dict[str, Any] = {
        "title": title.text,
        # A generator: pydantic reads it one block at a time, so that a body of many blocks
        # never exists as dicts too.
        "blocks": ({"kind": b.kind, "text": b.text} for b in evidence.blocks if b.text.strip()),
        "published": dates.published,
        "published_text": dates.published_text,
        "modified": dates.modified,
        "date_origin": dates.origin,
        "date_precision": dates.precision,
        "date_flags": sorted(dates.flags),
        "date_conflicts": [
            {"origin": c.origin, "value": c.date.value, "role": c.date.role or "published"}
            for c in dates.conflicts
        ],
        "authors": list(authors),
        "source": agency_for_language(source, language) if source else None,
        "site_name": choose_site_name(
            (*evidence.site_names, *_site_affixes(title, labels), *evidence.site_name_guesses)
        ),
        "url": evidence.url,
        "canonical_url": evidence.canonical_url,
        "language": language,
        "direction": direction_of(language, evidence.declared_direction, text),
        "section": section,
        "tags": list(dict.fromkeys(evidence.tags))[:MAX_TAGS],
        "description": evidence.description,
        "image": evidence.image,
        "input_kind": evidence.input_kind,
        "encoding": evidence.encoding,
    }
    return build_article(fields)


def _site_affixes(title: TitleDecision, labels: frozenset[str]) -> tuple[str, ...]:
    """The site's name as the page's title writes it around the headline ("… - المدينة نيوز"),
    after every name the page states (a handle aside): not a section or tag label."""
    return tuple(a for a in title.affixes if letters_key(a) not in labels)


def _text_head(blocks: Sequence[BlockDraft]) -> str:
    """The body's text, as far as language and direction read it (``SCAN_CHARS``): a long
    body is not copied whole."""
    head: list[str] = []
    size = 0
    for block in blocks:
        if size > SCAN_CHARS:
            break
        head.append(block.text)
        size += len(block.text) + 1
    return "\n".join(head)
