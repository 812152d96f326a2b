"""Short elements near the headline that a vocabulary marks as a date stamp or a byline.

Candidates are elements whose class/id vocabulary matches, plus, when asked, the elements
around the headline (its next siblings, and the elements just before and after it in document
order: a page without telling class names still prints its stamp there; the caller reads
those as stamps only when they read as one). They are ordered by distance (in document
order) from an anchor — the headline element, else the body container — so the article's own
stamp wins over a header clock or a teaser's date. Elements inside teaser furniture (related
lists, widgets, tickers, nav/footer/aside), elements far from the anchor, and elements above
the anchor but outside its ``<article>`` (a page-header clock) are ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from typing import NamedTuple

from lxml import etree
from lxml.etree import _Element

from .._lexicon import chrome_lexicon
from .._text import clean_text
from .index import TreeIndex
from .parse import text_content
from .tokens import TokenRules

__all__ = ["Nearby", "elements_after", "nearby_elements"]

# Stamps and bylines are one line; longer text is prose that happens to sit in a "date" box.
MAX_NEARBY_CHARS = 140
# How far (in elements, document order) from the anchor a stamp or byline may sit.
MAX_DISTANCE = 250
# Elements above the headline count this much farther than those below it (stamps follow it).
BEFORE_PENALTY = 2
# Elements around the headline are candidates whatever their class (stamp, byline rows): its
# next siblings, and the elements before and after it in document order (inside those
# siblings, after the headline's own box past an image and a share row, or above it).
FOLLOWING_SIBLINGS = 3
FOLLOWING_ELEMENTS = 60
PRECEDING_ELEMENTS = 12
# ... stopping at the second paragraph of prose: the first may be the standfirst, with the
# byline and stamp under it.
PROSE_PARAGRAPHS = 2
# Without an <article>, a stamp above the headline must share its ancestor this many levels up.
SCOPE_LEVELS = 3
_TEASER_TAGS = frozenset({"nav", "footer", "aside"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})


class Nearby(NamedTuple):
    element: _Element
    text: str
    distance: int
    by_vocabulary: bool  # False: picked only for sitting right after the headline


def _around(anchor: _Element) -> set[_Element]:
    """The elements around the headline, where pages print stamp and byline: its next
    siblings, and the elements just before it and after it (up to the second paragraph of
    prose: the first may be a standfirst), in document order."""
    out: set[_Element] = set()
    node = anchor.getnext()
    while node is not None and len(out) < FOLLOWING_SIBLINGS:
        if isinstance(node.tag, str):
            out.add(node)
        node = node.getnext()
    prose = 0
    for element in islice(elements_after(anchor), FOLLOWING_ELEMENTS):
        if element.tag == "p" and len(text_content(element)) > MAX_NEARBY_CHARS:
            prose += 1
            if prose == PROSE_PARAGRAPHS:
                break  # the text begins: what follows is the body, not the headline's header
        out.add(element)
    out.update(islice(_preceding(anchor), PRECEDING_ELEMENTS))
    return out


def elements_after(anchor: _Element) -> Iterator[_Element]:
    """The elements after ``anchor`` (not inside it), in document order, read lazily (XPath's
    ``following::`` axis would gather the rest of the page first)."""
    node: _Element | None = anchor
    while node is not None:
        for sibling in node.itersiblings():
            yield from sibling.iter(etree.Element)
        node = node.getparent()


def _preceding(anchor: _Element) -> Iterator[_Element]:
    """The elements before ``anchor`` (not its ancestors), nearest first, read lazily."""
    node: _Element | None = anchor
    while node is not None:
        for sibling in node.itersiblings(preceding=True):
            yield from _reversed_subtree(sibling)
        node = node.getparent()


def _reversed_subtree(element: _Element) -> Iterator[_Element]:
    """``element`` and its descendants in reverse document order (last descendant first)."""
    stack = [(element, False)]
    while stack:
        node, expanded = stack.pop()
        if expanded or len(node) == 0:
            if isinstance(node.tag, str):
                yield node
            continue
        stack.append((node, True))
        stack.extend((child, False) for child in node)


def _scope(anchor: _Element) -> _Element | None:
    """Where a stamp *above* the headline may sit: the headline's ``<article>``, else a few
    levels up (a page-header clock lives outside both)."""
    ancestors = list(anchor.iterancestors())
    for ancestor in ancestors:
        if ancestor.tag == "article":
            return ancestor
    return ancestors[SCOPE_LEVELS - 1] if len(ancestors) >= SCOPE_LEVELS else None


def _in_teaser(
    element: _Element,
    teaser: TokenRules,
    index: TreeIndex,
    holding: frozenset[_Element],
    headed: dict[_Element, bool],
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
        found = headed.get(ancestor)
        if found is None:  # candidates share their ancestors: each box is read once
            found = headed[ancestor] = _headed_as_tail(ancestor)
        if found:
            return True
    return False


def _headed_as_tail(box: _Element) -> bool:
    """Does ``box`` open with a heading that ends an article ("Most Read", "الأكثر قراءة",
    "مقالات ذات صلة"), itself or in the box's first part? Then it is a list of other pages,
    whatever its class says."""
    first = next(box.iterchildren(etree.Element), None)
    if first is None:
        return False
    if first.tag not in _HEADINGS:
        first = next(first.iterchildren(*_HEADINGS), None)
        if first is None:
            return False
    text = text_content(first)
    return len(text) <= MAX_NEARBY_CHARS and chrome_lexicon().is_tail_marker(text)


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
    around_headline: bool = False,
    headline: bool = False,
) -> Iterator[Nearby]:
    """Matching elements with short text, nearest to ``anchor`` first; with ``around_headline``
    also the elements around it (:func:`_around`), ranked after every vocabulary match.
    ``headline``: the anchor is the page's headline (not a body container), so the boxes around
    it are the article's own (see :func:`_in_teaser`)."""
    order = index.position
    vocabulary = _vocabulary_matches(index, wanted, extra_tags, extra_attrs)
    following = _around(anchor) if anchor is not None and around_headline else set()
    # Document order: the ranking below is a stable sort, so it breaks distance ties.
    found = sorted(vocabulary | {e for e in following if e in order}, key=order.__getitem__)
    anchor_index = order.get(anchor, 0) if anchor is not None else 0
    scope = _scope(anchor) if anchor is not None else None
    holding = frozenset(anchor.iterancestors()) if anchor is not None and headline else frozenset()
    # Ranked by position alone, and read (text, furniture) lazily: callers stop at the first
    # element that answers them, so most candidates are never read.
    placed: list[tuple[_Element, int, bool]] = []
    headed: dict[_Element, bool] = {}  # boxes read by _headed_as_tail, this call only
    for element in found:
        delta = order[element] - anchor_index
        distance = delta if delta >= 0 else -delta * BEFORE_PENALTY
        if anchor is not None and distance > MAX_DISTANCE:
            continue
        if delta < 0 and scope is not None and scope not in element.iterancestors():
            continue
        placed.append((element, distance, element in vocabulary))
    placed.sort(key=lambda p: (not p[2], p[1]))
    for element, distance, by_vocabulary in placed:
        text = clean_text(text_content(element))
        if not text or len(text) > MAX_NEARBY_CHARS:
            continue
        if _in_teaser(element, teaser, index, holding, headed):
            continue
        if not by_vocabulary and teaser.match(index.tokens_of(element)) is not None:
            continue  # a sibling picked by position that is itself a teaser box ("related")
        yield Nearby(element, text, distance, by_vocabulary)
