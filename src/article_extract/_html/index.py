"""One pass over the cleaned tree: every element's document position and class/id tokens, and
the elements that carry attributes.

Built once per call, by :func:`.parse.strip_junk`: the elements that carry any attribute are
found once (:func:`attributed_elements`), and their class and id values read once
(:func:`class_and_id_values`), for its hiding tests and then for the index, which leaves out
the elements it removed. The index is passed explicitly to the stages that search the
whole tree (title candidates, container rules, the nearby search for stamps and bylines,
chrome removal). Each element is tokenised once instead of once per stage, and the position
map keeps every element's proxy alive (some 120 bytes each, with the tag name lxml caches on
it once read), so later walks over the tree do not re-create them.

The index describes the tree as it was built; later stages only remove elements (chrome
removal), so lookups of the elements still in the tree stay right, and the lists it gives
(:meth:`TreeIndex.matching`, :meth:`TreeIndex.with_attribute`) hold the removed elements too:
the stages that search the whole tree run before chrome removal. An element the index never
saw is tokenised on demand.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from itertools import count
from typing import NamedTuple

from lxml import etree
from lxml.etree import _Element

from .tokens import TokenRules, attribute_tokens, element_tokens, split_tokens

__all__ = [
    "ClassAndId",
    "TreeIndex",
    "attributed_elements",
    "class_and_id_values",
    "element_positions",
    "index_tree",
]

# An element with its class and id values ("" for a missing one).
ClassAndId = tuple[_Element, str, str]

# Compiled once: an lxml XPath object serialises its own evaluations, so threads may share it.
# Any attribute, not named ones: libxml2 tests each name in a predicate on every element (five
# names cost five such passes), while ``@*`` is one; the few attributes wanted are then read
# from the elements found (on a page of 50,000 bare <br>s, none).
_WITH_ATTRIBUTES = etree.XPath("descendant-or-self::*[@*]")


class TreeIndex(NamedTuple):
    """Per-call facts about one tree; read-only once built."""

    root: _Element
    # Every element under (and including) root, by its position in ``root.iter()`` order
    # (non-element nodes, entities, count too).
    position: Mapping[_Element, int]
    # Class/id tokens (see :func:`.tokens.element_tokens`) of the elements that have a class or
    # an id.
    tokens: Mapping[_Element, tuple[str, ...]]
    # The same elements grouped by their tokens (pages repeat class names a lot), each group in
    # document order.
    groups: Mapping[tuple[str, ...], tuple[_Element, ...]]
    # Each token → the token sequences (``groups``' keys) that hold it: a rule set is matched
    # only against the sequences that hold one of its rules' first tokens.
    by_token: Mapping[str, tuple[tuple[str, ...], ...]]
    # The elements that carry any attribute, in document order.
    attributed: tuple[_Element, ...]

    def tokens_of(self, element: _Element) -> tuple[str, ...]:
        """The element's class/id tokens."""
        found = self.tokens.get(element)
        if found is not None:
            return found
        return () if element in self.position else element_tokens(element)

    def with_tokens_or_tags(self, scope: _Element, tags: Collection[str]) -> list[_Element]:
        """The elements under ``scope`` (not itself) that have class/id tokens or one of ``tags``,
        in document order; libxml2 finds the tags. Most elements have neither: each costs a few
        set probes, no call (an element the index never saw is tokenised on demand)."""
        # (iterdescendants() with no tag at all yields every element)
        by_tag = set(scope.iterdescendants(*tags)) if tags else set()
        tokens, position = self.tokens, self.position
        return [
            element
            for element in scope.iterdescendants(etree.Element)
            if element in by_tag
            or element in tokens
            or (element not in position and element_tokens(element))
        ]

    def matching(self, rules: TokenRules) -> list[_Element]:
        """Elements whose class/id tokens match ``rules``, in document order (each distinct token
        sequence that holds a rule's first token is matched once)."""
        by_token = self.by_token
        candidates = {
            tokens for first in rules.first_tokens & by_token.keys() for tokens in by_token[first]
        }
        hits = [
            element
            for tokens in candidates
            if rules.match(tokens) is not None
            for element in self.groups[tokens]
        ]
        hits.sort(key=self.position.__getitem__)
        return hits

    def with_attribute(self, name: str) -> list[_Element]:
        """Indexed elements that carry attribute ``name``, in document order (read from the
        elements that carry any attribute, as the index was built)."""
        return [element for element in self.attributed if element.get(name) is not None]


def attributed_elements(root: _Element) -> list[_Element]:
    """The elements under (and including) ``root`` that carry any attribute, in document order
    (libxml2 finds them)."""
    return _WITH_ATTRIBUTES(root)  # type: ignore[no-any-return]


def class_and_id_values(
    root: _Element, attributed: list[_Element] | None = None
) -> list[ClassAndId]:
    """The elements under (and including) ``root`` that have a class or an id, with both values,
    in document order. ``attributed`` is :func:`attributed_elements` of ``root``, when the caller
    has it."""
    found: list[ClassAndId] = []
    for node in attributed_elements(root) if attributed is None else attributed:
        classes, ident = node.get("class") or "", node.get("id") or ""
        if classes or ident:
            found.append((node, classes, ident))
    return found


def element_positions(root: _Element) -> dict[_Element, int]:
    """Every element under (and including) ``root`` by its position in document order, from one
    C-level iteration."""
    return dict(zip(root.iter(etree.Element), count()))


def index_tree(
    root: _Element,
    attributes: list[ClassAndId] | None = None,
    position: dict[_Element, int] | None = None,
    attributed: list[_Element] | None = None,
) -> TreeIndex:
    """Index ``root``'s elements: positions from one C-level iteration, tokens for the elements
    that have a class or an id. ``attributed`` (:func:`attributed_elements`) and ``attributes``
    (:func:`class_and_id_values`) may be read from this tree before elements were removed from
    it (those are skipped); read now when not given. ``position`` is
    :func:`element_positions` of the tree as it is now, when the caller has it."""
    if position is None:
        position = element_positions(root)
    if attributed is None:
        attributed = attributed_elements(root)
    if attributes is None:
        attributes = class_and_id_values(root, attributed)
    tokens: dict[_Element, tuple[str, ...]] = {}
    groups: dict[tuple[str, ...], list[_Element]] = {}
    # Pages repeat class names a lot: tokens per distinct (class, id) pair, and each distinct
    # attribute value split once.
    pairs: dict[tuple[str, str], tuple[str, ...]] = {}
    splits: dict[str, tuple[str, ...]] = {"": ()}

    def split(value: str) -> tuple[str, ...]:
        found = splits.get(value)
        if found is None:
            found = splits[value] = split_tokens(value)
        return found

    for node, classes, ident in attributes:
        if node not in position:  # removed from the tree since its attributes were read
            continue
        key = (classes, ident)
        found = pairs.get(key)
        if found is None:
            found = pairs[key] = attribute_tokens(classes, ident, split)
        tokens[node] = found
        groups.setdefault(found, []).append(node)
    frozen_groups = {key: tuple(group) for key, group in groups.items()}
    by_token: dict[str, list[tuple[str, ...]]] = {}
    for sequence in frozen_groups:
        for token in set(sequence):
            by_token.setdefault(token, []).append(sequence)
    frozen_by_token = {token: tuple(keys) for token, keys in by_token.items()}
    still_in_tree = tuple(element for element in attributed if element in position)
    return TreeIndex(root, position, tokens, frozen_groups, frozen_by_token, still_in_tree)
