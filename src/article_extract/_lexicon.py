"""The chrome-phrase lexicon (``data/chrome.toml``) as fast lookups on folded text."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ._text import fold
from .data import load_table

__all__ = ["ChromeLexicon", "chrome_lexicon", "match_key"]

# A "prefix"/"contains" phrase only marks chrome in a short line: a long paragraph that happens
# to begin with "اقرأ أيضا" is still body text.
MAX_CHROME_LINE_WORDS = 24
_EDGE_PUNCTUATION = " :.،,؛;…!|»«\"'-–—*()[]<>/\\•·●▪►▶›"


def match_key(text: str) -> str:
    """Folded form with surrounding punctuation removed: what the lexicon compares."""
    return fold(text).strip(_EDGE_PUNCTUATION)


@dataclass(frozen=True, slots=True)
class ChromeLexicon:
    exact: frozenset[str]
    prefixes: tuple[str, ...]
    contains: tuple[str, ...]
    tail: frozenset[str]

    def is_chrome(self, text: str) -> bool:
        """True when the line/block is site chrome by its wording alone."""
        key = match_key(text)
        if not key:
            return False
        if key in self.exact:
            return True
        if len(key.split()) > MAX_CHROME_LINE_WORDS:
            return False
        return key.startswith(self.prefixes) or any(p in key for p in self.contains)

    def is_tail_marker(self, text: str) -> bool:
        """True for headings after which the page holds no more body (related, comments…)."""
        return match_key(text) in self.tail


def _phrases(table: dict[str, dict[str, list[str]]], section: str) -> list[str]:
    keys = (match_key(p) for lang in table.get(section, {}).values() for p in lang)
    return sorted({k for k in keys if k})


@cache
def chrome_lexicon() -> ChromeLexicon:
    """The lexicon, loaded once."""
    table = load_table("chrome")
    prefix_table = {
        lang: [p for p in phrases if p.strip()] for lang, phrases in table["prefix"].items()
    }
    prefixes = [fold(p).lstrip(_EDGE_PUNCTUATION) for lang in prefix_table.values() for p in lang]
    return ChromeLexicon(
        exact=frozenset(_phrases(table, "exact")),
        prefixes=tuple(sorted({p for p in prefixes if p})),
        contains=tuple(_phrases(table, "contains")),
        tail=frozenset(_phrases(table, "tail")),
    )
