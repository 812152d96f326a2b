"""Class/id vocabulary matching: ``"jeg_share_button"`` → ``("jeg", "share", "button")``.

Rules in the data tables are written as space-separated tokens; an element matches a rule when
the rule's tokens appear contiguously in the element's class+id token sequence (rules longer
than :data:`MAX_RULE_TOKENS` tokens never match). Rules are indexed by their first token, so a
lookup is one C-level set probe for the common element that holds no rule's first token, and a
few tuple comparisons otherwise, however many rules there are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, KeysView

from lxml.etree import _Element

__all__ = ["MAX_RULE_TOKENS", "TokenRules", "attribute_tokens", "element_tokens", "split_tokens"]

# The longest rule we write ("jnews inline related" is 3; theme names can reach 4).
MAX_RULE_TOKENS = 4
# A class attribute longer than this is generated noise (Tailwind soups); only its start is read.
_MAX_ATTR_CHARS = 300

# camelCase boundary, then anything that is not a letter or digit separates tokens ("a2a" stays
# whole); runs of digits alone are not tokens.
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
# A whole run of [a-z0-9] that holds a letter. It starts only where a run starts (lookbehind) and
# its quantifiers are possessive, so a long digit run is read once, never backtracked into.
_TOKEN_RE = re.compile(r"(?<![a-z0-9])[0-9]*+[a-z][a-z0-9]*+")


def split_tokens(value: str) -> tuple[str, ...]:
    """Lower-case tokens of a class or id value."""
    value = value[:_MAX_ATTR_CHARS]
    # A value with no upper-case letter (most are) has no camelCase boundary to cut and is
    # unchanged by lower().
    if not value.islower():
        value = _CAMEL_RE.sub(" ", value).lower()
    return tuple(_TOKEN_RE.findall(value))


def attribute_tokens(
    classes: str, ident: str, split: Callable[[str], tuple[str, ...]] = split_tokens
) -> tuple[str, ...]:
    """Tokens of a ``class`` value then an ``id`` value ("|" between them); ``split`` may be a
    memoised :func:`split_tokens`."""
    if not classes and not ident:
        return ()
    return (*split(classes), "|", *split(ident))


def element_tokens(element: _Element) -> tuple[str, ...]:
    """Tokens of an element's ``class`` then ``id``."""
    return attribute_tokens(element.get("class") or "", element.get("id") or "")


class TokenRules:
    """A compiled set of token rules, with optional negation words ("no-share")."""

    __slots__ = ("_by_first", "_negations")

    def __init__(self, rules: Iterable[str], negations: Iterable[str] = ()) -> None:
        compiled = {split_tokens(r) for r in rules}
        by_first: dict[str, list[tuple[str, ...]]] = {}
        for rule in sorted(r for r in compiled if 0 < len(r) <= MAX_RULE_TOKENS):
            by_first.setdefault(rule[0], []).append(rule)
        self._by_first = {first: tuple(group) for first, group in by_first.items()}
        self._negations = frozenset(negations)

    @property
    def first_tokens(self) -> KeysView[str]:
        """The first token of every rule: a sequence that holds none of them matches no rule."""
        return self._by_first.keys()

    def match(self, tokens: tuple[str, ...]) -> str | None:
        """The matching rule that sorts first (tokens joined by spaces), or None."""
        by_first = self._by_first
        # Most elements hold no rule's first token: one set probe per token, in C.
        if not tokens or by_first.keys().isdisjoint(tokens):
            return None
        if self._negations and not self._negations.isdisjoint(tokens):
            tokens = _drop_negated(tokens, self._negations)
        hits = [
            " ".join(rule)
            for start, token in enumerate(tokens)
            for rule in by_first.get(token, ())
            if tokens[start : start + len(rule)] == rule
        ]
        return min(hits) if hits else None


def _drop_negated(tokens: tuple[str, ...], negations: frozenset[str]) -> tuple[str, ...]:
    kept: list[str] = []
    skip = False
    for token in tokens:
        if skip:
            skip = False
            kept.append("|")
            continue
        if token in negations:
            skip = True
            kept.append("|")
            continue
        kept.append(token)
    return tuple(kept)
