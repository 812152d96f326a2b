"""Class/id vocabulary matching: ``"jeg_share_button"`` → ``("jeg", "share", "button")``.

Rules in the data tables are written as space-separated tokens; an element matches a rule when
the rule's tokens appear contiguously in the element's class+id token sequence. Matching uses
the set of all n-grams (n ≤ :data:`MAX_RULE_TOKENS`) of the element's tokens, so a lookup costs
a few set probes however many rules there are.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

__all__ = ["MAX_RULE_TOKENS", "TokenRules", "element_tokens", "ngrams", "split_tokens"]

# The longest rule we write ("jnews inline related" is 3; theme names can reach 4).
MAX_RULE_TOKENS = 4
# A class attribute longer than this is generated noise (Tailwind soups); only its start is read.
_MAX_ATTR_CHARS = 300

# camelCase boundary, then anything that is not a letter separates tokens ("a2a" stays whole).
_CAMEL_RE = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SPLIT_RE = re.compile(r"[^a-z0-9]+")


def split_tokens(value: str) -> tuple[str, ...]:
    """Lower-case tokens of a class or id value."""
    value = _CAMEL_RE.sub(" ", value[:_MAX_ATTR_CHARS]).lower()
    return tuple(t for t in _SPLIT_RE.split(value) if t and not t.isdigit())


def element_tokens(element: HtmlElement) -> tuple[str, ...]:
    """Tokens of an element's ``class`` then ``id``."""
    classes = element.get("class") or ""
    ident = element.get("id") or ""
    if not classes and not ident:
        return ()
    return (*split_tokens(classes), "|", *split_tokens(ident))


def ngrams(tokens: tuple[str, ...]) -> set[str]:
    """Every contiguous run of up to MAX_RULE_TOKENS tokens, joined by spaces."""
    found: set[str] = set()
    count = len(tokens)
    for start in range(count):
        for size in range(1, MAX_RULE_TOKENS + 1):
            if start + size > count:
                break
            run = tokens[start : start + size]
            if "|" in run:
                break
            found.add(" ".join(run))
    return found


class TokenRules:
    """A compiled set of token rules, with optional negation words ("no-share")."""

    __slots__ = ("_negations", "_rules")

    def __init__(self, rules: Iterable[str], negations: Iterable[str] = ()) -> None:
        self._rules = frozenset(" ".join(split_tokens(r)) for r in rules if split_tokens(r))
        self._negations = frozenset(negations)

    def match(self, tokens: tuple[str, ...]) -> str | None:
        """The first rule (as written) that the token sequence holds, or None."""
        if not tokens:
            return None
        if self._negations:
            tokens = _drop_negated(tokens, self._negations)
        hits = ngrams(tokens) & self._rules
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
