"""Remove site chrome from a subtree by structure: element names and class/id vocabulary.

Text-based removal (the Arabic phrase lexicon) works on blocks, in :mod:`.body`. Both run on the
pipeline's own copy of the tree.

Guards, so that a wrapper with an unlucky name never takes the article with it:

* an element holding more than :data:`WRAPPER_SHARE` of the scope's text is never removed
  (ASP.NET wraps whole pages in ``<form>``; some themes put the article in ``<header>``);
* an element that also carries an article-container token ("entry-content no-share") is kept;
* ``keep`` (the article container) and its ancestors are kept.

Boxes around an image (``<figure>``, or an image/photo/thumbnail class) whose text is short are
removed too: that text is a caption or a photo credit.
"""

from __future__ import annotations

from itertools import islice

from lxml.etree import _Element

from .index import TreeIndex
from .parse import drop_keep_tail, text_length
from .rules import ChromeRules

__all__ = ["WRAPPER_SHARE", "is_chrome_element", "is_share_link", "remove_chrome"]

# An element with more than this share of the scope's text is a layout wrapper, not chrome.
WRAPPER_SHARE = 0.5


def _is_image_box(element: _Element, tokens: tuple[str, ...], rules: ChromeRules) -> bool:
    """A box around an image whose only text is short: a caption or photo credit."""
    if element.tag != "figure" and rules.image_box.match(tokens) is None:
        return False
    if element.find(".//img") is None and element.find(".//picture") is None:
        return False
    if element.find(".//p") is not None and element.tag != "figure":
        return False
    return text_length(element) <= rules.image_box_max_chars


def is_chrome_element(element: _Element, tokens: tuple[str, ...], rules: ChromeRules) -> bool:
    """True when the element's name or class/id vocabulary (``tokens``) marks it as page
    furniture."""
    if element.tag in rules.structural_tags:
        return True
    if rules.protected.match(tokens) is not None:
        return False
    if _is_image_box(element, tokens, rules):
        return True
    return bool(tokens) and rules.chrome.match(tokens) is not None


def _candidates(scope: _Element, rules: ChromeRules, index: TreeIndex) -> list[_Element]:
    """The elements under ``scope`` that may be chrome, in document order: those with class/id
    tokens or a tag that marks chrome without them."""
    tags = rules.structural_tags | {"figure"}  # an image box may be a bare <figure>
    return index.with_tokens_or_tags(scope, tags)


def is_share_link(address: str, rules: ChromeRules) -> bool:
    """Does ``address`` lead to a network's share endpoint ("twitter.com/intent/tweet?…"), or
    open a message with a subject or body ("mailto:?subject=…")?"""
    lowered = address.strip().lower()
    if lowered.startswith("mailto:"):  # a message to write, with the page in it
        return "subject=" in lowered or "body=" in lowered
    lowered = lowered.split("://", 1)[1] if "://" in lowered[:12] else lowered
    return lowered.removeprefix("www.").startswith(rules.share_link_prefixes)


def _share_items(scope: _Element, rules: ChromeRules) -> list[_Element]:
    """Share buttons under ``scope``: each link to a share endpoint, or the list item holding it
    (a level or two up) when the item's label is short."""
    found: list[_Element] = []
    for link in scope.iter("a"):
        if not is_share_link(link.get("href") or "", rules):
            continue
        item = next((a for a in islice(link.iterancestors(), 2) if a.tag == "li"), None)
        short = item is not None and text_length(item) <= rules.share_item_max_chars
        found.append(item if item is not None and short else link)
    return found


def remove_chrome(
    scope: _Element, rules: ChromeRules, index: TreeIndex, *, keep: _Element | None = None
) -> int:
    """Remove chrome elements under ``scope`` (tokens from ``index``); returns how many subtrees
    were removed."""
    protected: set[_Element] = set()
    if keep is not None:
        protected.add(keep)
        protected.update(keep.iterancestors())
    removed = 0
    candidates = [
        e
        for e in _candidates(scope, rules, index)
        if e not in protected and is_chrome_element(e, index.tokens_of(e), rules)
    ]
    shares = [e for e in _share_items(scope, rules) if e not in protected]
    if shares:  # in document order with the others: a box removed takes what it holds
        order = index.position
        candidates = sorted({*candidates, *shares}, key=lambda e: order.get(e, -1))
    # The scope's whole text is read only when some element may be removed.
    total = max(text_length(scope), 1) if candidates else 1
    removed_set: set[_Element] = set()
    for element in candidates:
        if any(a in removed_set for a in element.iterancestors()):
            continue
        if text_length(element) > WRAPPER_SHARE * total:
            continue
        drop_keep_tail(element)
        removed_set.add(element)
        removed += 1
    return removed
