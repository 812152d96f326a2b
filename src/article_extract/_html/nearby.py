"""Short elements near the headline that a vocabulary marks as a date stamp or a byline.

Candidates are elements whose class/id vocabulary matches, plus the few elements right after
the headline (its next siblings, and the next elements in document order: a page without
telling class names still prints its stamp there). They are ordered by distance (in document
order) from an anchor — the headline element, else the body container — so the article's own
stamp wins over a header clock or a teaser's date. Elements inside teaser furniture (related
lists, widgets, tickers, nav/footer/aside), elements far from the anchor, and elements above
the anchor but outside its ``<article>`` (a page-header clock) are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from lxml import etree
from lxml.etree import _Element

from .._text import clean_text
from .index import TreeIndex
from .parse import text_content
from .tokens import TokenRules

__all__ = ["Nearby", "nearby_elements"]

# Stamps and bylines are one line; longer text is prose that happens to sit in a "date" box.
MAX_NEARBY_CHARS = 140
# How far (in elements, document order) from the anchor a stamp or byline may sit.
MAX_DISTANCE = 250
# Elements above the headline count this much farther than those below it (stamps follow it).
BEFORE_PENALTY = 2
# Elements right after the headline are candidates whatever their class (stamp, byline rows):
# its next siblings, and the next elements in document order (inside those siblings, or
# after the headline's own box).
FOLLOWING_SIBLINGS = 3
FOLLOWING_ELEMENTS = 12
# Without an <article>, a stamp above the headline must share its ancestor this many levels up.
SCOPE_LEVELS = 3
_TEASER_TAGS = frozenset({"nav", "footer", "aside"})
# Compiled once (an XPath object serialises its own evaluations: threads may share it).
_FOLLOWING = etree.XPath("following::*[position() <= $count]")


class Nearby(NamedTuple):
    element: _Element
    text: str
    distance: int
    by_vocabulary: bool  # False: picked only for sitting right after the headline


def _following(anchor: _Element) -> set[_Element]:
    """The few elements right after the headline, where pages print stamp and byline: its next
    siblings, and the next elements in document order."""
    out: set[_Element] = set()
    node = anchor.getnext()
    while node is not None and len(out) < FOLLOWING_SIBLINGS:
        if isinstance(node.tag, str):
            out.add(node)
        node = node.getnext()
    following: list[_Element] = _FOLLOWING(anchor, count=FOLLOWING_ELEMENTS)
    out.update(e for e in following if isinstance(e.tag, str))
    return out


def _scope(anchor: _Element) -> _Element | None:
    """Where a stamp *above* the headline may sit: the headline's ``<article>``, else a few
    levels up (a page-header clock lives outside both)."""
    ancestors = list(anchor.iterancestors())
    for ancestor in ancestors:
        if ancestor.tag == "article":
            return ancestor
    return ancestors[SCOPE_LEVELS - 1] if len(ancestors) >= SCOPE_LEVELS else None


def _in_teaser(
    element: _Element, teaser: TokenRules, index: TreeIndex, holding: frozenset[_Element]
) -> bool:
    """Is ``element`` teaser furniture or inside it? Only the ancestors below the lowest one that
    also holds the headline (``holding``) are read: a box around the headline is the
    article's own ("detailBodyContainer withSidebar"), and an ``<aside>`` inside the
    headline's ``<article>`` is the article's meta column or pull quote, not the site's."""
    if element.tag in _TEASER_TAGS and not _article_aside(element, holding):
        return True  # the site's <aside> itself, picked for following the headline
    for ancestor in element.iterancestors():
        if ancestor in holding:
            return False
        if ancestor.tag in _TEASER_TAGS and not _article_aside(ancestor, holding):
            return True
        if teaser.match(index.tokens_of(ancestor)) is not None:
            return True
    return False


def _article_aside(element: _Element, holding: frozenset[_Element]) -> bool:
    """Is ``element`` an ``<aside>`` inside an ``<article>`` that holds the headline?"""
    return element.tag == "aside" and any(
        a.tag == "article" and a in holding for a in element.iterancestors()
    )


def _vocabulary_matches(
    index: TreeIndex,
    wanted: TokenRules,
    extra_tags: tuple[str, ...],
    extra_attrs: tuple[tuple[str, str], ...],
) -> set[_Element]:
    """Elements named by the vocabulary, one of ``extra_tags`` or an ``extra_attrs`` value."""
    found = set(index.matching(wanted))
    if extra_tags:
        found.update(e for e in index.root.iter(*extra_tags) if e in index.position)
    for attr, value in extra_attrs:
        found.update(e for e in index.with_attribute(attr) if (e.get(attr) or "").lower() == value)
    return found


def nearby_elements(
    index: TreeIndex,
    anchor: _Element | None,
    wanted: TokenRules,
    teaser: TokenRules,
    *,
    extra_tags: tuple[str, ...] = (),
    extra_attrs: tuple[tuple[str, str], ...] = (),
    after_headline: bool = False,
    headline: bool = False,
) -> Iterator[Nearby]:
    """Matching elements with short text, nearest to ``anchor`` first; with ``after_headline``
    also the elements right after it, ranked after every vocabulary match. ``headline``: the
    anchor is the page's headline (not a body container), so the boxes around it are the
    article's own (see :func:`_in_teaser`)."""
    order = index.position
    vocabulary = _vocabulary_matches(index, wanted, extra_tags, extra_attrs)
    following = _following(anchor) if anchor is not None and after_headline else set()
    # Document order: the ranking below is a stable sort, so it breaks distance ties.
    found = sorted(vocabulary | {e for e in following if e in order}, key=order.__getitem__)
    anchor_index = order.get(anchor, 0) if anchor is not None else 0
    scope = _scope(anchor) if anchor is not None else None
    holding = frozenset(anchor.iterancestors()) if anchor is not None and headline else frozenset()
    ranked: list[Nearby] = []
    for element in found:
        delta = order[element] - anchor_index
        distance = delta if delta >= 0 else -delta * BEFORE_PENALTY
        if anchor is not None and distance > MAX_DISTANCE:
            continue
        if delta < 0 and scope is not None and scope not in element.iterancestors():
            continue
        text = clean_text(text_content(element))
        if not text or len(text) > MAX_NEARBY_CHARS:
            continue
        if _in_teaser(element, teaser, index, holding):
            continue
        if element not in vocabulary and teaser.match(index.tokens_of(element)) is not None:
            continue  # a sibling picked by position that is itself a teaser box ("related")
        ranked.append(Nearby(element, text, distance, element in vocabulary))
    ranked.sort(key=lambda n: (not n.by_vocabulary, n.distance))
    yield from ranked
