"""The chrome-phrase lexicon (``data/chrome.toml``) as fast lookups on folded text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from ._text import fold, strip_non_word_edges
from .data import load_table

__all__ = ["ChromeLexicon", "PhraseIndex", "chrome_lexicon", "key_of_folded", "match_key"]

# A "prefix" phrase only marks chrome in a line no longer than this: "اقرأ أيضا: <headline>"
# is chrome, a long paragraph that happens to begin with the words is body text.
MAX_CHROME_LINE_WORDS = 40
# "contains" phrases (copyright, comment disclaimers) are specific enough for longer lines.
MAX_CONTAINS_LINE_WORDS = 80
# A tail marker may carry a few more words ("اترك تعليقاً إلغاء الرد", "Comments (12)").
MAX_TAIL_LINE_WORDS = 20
_EDGE_PUNCTUATION = " :.،,؛;…!|»«\"'-–—*()[]<>/\\•·●▪►▶›"


def match_key(text: str) -> str:
    """Folded form with surrounding punctuation removed: what the lexicon compares."""
    return fold(text).strip(_EDGE_PUNCTUATION)


def key_of_folded(folded: str) -> str:
    """:func:`match_key` of a text whose :func:`~article_extract._text.fold` is ``folded``."""
    return folded.strip(_EDGE_PUNCTUATION)


# Menus flattened onto one line ("من نحن اتصل بنا أعلن معنا") are chrome when lexicon phrases
# cover at least this share of the line's words.
MENU_LINE_COVERAGE = 0.6
# Longest lexicon phrase, in words, tried when covering a line.
_MAX_PHRASE_WORDS = 6


# A share bar's labels glued without spaces ("شاركفيسبوكتويترواتسابنسخ الرابط": the text of
# icon links side by side) are chrome when at least this many exact phrases make up the whole
# line; such a line is short, and phrases shorter than MIN_GLUED_PHRASE_CHARS ("x", "ok") are
# not read as its pieces (they would make up ordinary words).
MIN_GLUED_PHRASES = 2
MAX_GLUED_LINE_CHARS = 80
MIN_GLUED_PHRASE_CHARS = 3


_FIRST_WORD_RE = re.compile(r"\w+|\S")
# The first word of each line of a text ("" for a line that opens with a space), in one pass.
_LINE_FIRST_WORDS_RE = re.compile(f"^(?:{_FIRST_WORD_RE.pattern})?", re.MULTILINE)
_DIGIT_RE = re.compile(r"\d")
# A playlist item: a title with its duration glued to it, within a short line.
_GLUED_DURATION_RE = re.compile(r"[^\W\d_]\d{1,2}:\d{2}$")
# A bare web address on its own (a permalink or share field printed as text)…
_ADDRESS_LINE_RE = re.compile(r"(?:https?://|www\.)\S+")
# … or an embed's code shown as text ("Embed <iframe src=…>"): a tag name and an attribute.
_EMBED_CODE_RE = re.compile(
    r"<\s*(?:iframe|script|embed|object|img|video|audio|div|blockquote|ins|a)\s+[\w-]+\s*=",
    re.IGNORECASE,
)
MAX_MEDIA_ITEM_CHARS = 160
# A count line ("3 Min", "١٢ تعليق", "1.2K shares") is short, and apart from its numbers holds
# one word.
MAX_COUNT_LINE_CHARS = 24
MAX_COUNT_LINE_WORDS = 3
MAX_COUNT_LINE_LABEL_WORDS = 1


def _first_word(key: str) -> str:
    match = _FIRST_WORD_RE.match(key)
    return match.group(0) if match else ""


class PhraseIndex(NamedTuple):
    """Phrases grouped by their first word, for "does this line start with a phrase?"."""

    by_first_word: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, phrases: list[str] | frozenset[str]) -> PhraseIndex:
        grouped: dict[str, list[str]] = {}
        for phrase in phrases:
            grouped.setdefault(_first_word(phrase), []).append(phrase)
        return cls({k: tuple(sorted(v, key=len, reverse=True)) for k, v in grouped.items()})

    def starts(self, key: str, first_word: str | None = None) -> bool:
        """Does ``key`` start with a phrase, on a word boundary ("home" ≠ "homeland")?
        ``first_word`` is ``key``'s when the caller has read it already."""
        phrases = self.by_first_word.get(_first_word(key) if first_word is None else first_word)
        return phrases is not None and any(
            key.startswith(p) and (len(key) == len(p) or not key[len(p)].isalnum()) for p in phrases
        )


class ChromeLexicon(NamedTuple):
    """The lexicon. Methods taking ``text`` fold it; ``*_key`` methods take ``match_key(text)``."""

    exact: frozenset[str]
    prefixes: PhraseIndex
    contains: re.Pattern[str]
    tail: frozenset[str]
    tail_prefixes: PhraseIndex
    inline_related: frozenset[str]
    exact_words: frozenset[str]  # every word of every exact phrase, for a cheap upper bound
    widget_prefixes: PhraseIndex
    glued: frozenset[str]  # exact phrases without their spaces, for glued share bars
    glued_lengths: tuple[int, ...]  # their lengths, longest first

    def coverage(self, text: str) -> float:
        """Share of the line's words that belong to exact lexicon phrases (longest match first)."""
        return self.coverage_key(match_key(text))

    def coverage_key(self, key: str) -> float:
        words = [w for w in (strip_non_word_edges(t) for t in key.split()) if w]
        if not words:
            return 0.0
        covered = 0
        i = 0
        while i < len(words):
            for n in range(min(_MAX_PHRASE_WORDS, len(words) - i), 0, -1):
                if " ".join(words[i : i + n]) in self.exact:
                    covered += n
                    i += n
                    break
            else:
                i += 1
        return covered / len(words)

    def is_chrome(self, text: str) -> bool:
        """True when the line/block is site chrome by its wording alone."""
        return self.is_chrome_key(match_key(text))

    def is_notice(self, text: str) -> bool:
        """True when the line holds a "contains" phrase: a notice (copyright, cookies, comment
        rules) that is chrome wherever it stands, unlike a label that may open a sentence."""
        key = match_key(text)
        return key.count(" ") < MAX_CONTAINS_LINE_WORDS and self.contains.search(key) is not None

    def is_chrome_key(self, key: str, *, tail: bool | None = None) -> bool:
        """:meth:`is_chrome` of a ``match_key``; ``tail`` is :meth:`is_tail_marker_key` of it
        when the caller has read it already (a dump line reads both)."""
        if not key:
            return False
        if key in self.exact:
            return True
        words = key.count(" ") + 1
        if words <= MAX_CONTAINS_LINE_WORDS and self.contains.search(key):
            return True
        if words > MAX_CHROME_LINE_WORDS:
            return False
        if tail is None:
            tail = self.is_tail_marker_key(key)
        if tail or self.prefixes.starts(key):
            return True
        if words > 1 and self._may_be_menu(key) and self.coverage_key(key) >= MENU_LINE_COVERAGE:
            return True
        return self._glued_phrases(key)

    def _glued_phrases(self, key: str) -> bool:
        """Is ``key`` exact phrases glued together, at least :data:`MIN_GLUED_PHRASES` of them
        ("شاركفيسبوكتويتر…")? A line all of whose words are known phrases' words is no glued
        one (the menu rule reads it). A linear pass over the line's positions."""
        if len(key) > MAX_GLUED_LINE_CHARS or all(w in self.exact_words for w in key.split()):
            return False
        text = key.replace(" ", "")
        # pieces[i]: the most phrases that make up text[:i] (0: none reach i).
        pieces = [0] * (len(text) + 1)
        pieces[0] = 1  # counted one too many, for the start
        for start in range(len(text)):
            if not pieces[start]:
                continue
            for length in self.glued_lengths:
                end = start + length
                if end <= len(text) and text[start:end] in self.glued:
                    pieces[end] = max(pieces[end], pieces[start] + 1)
        return pieces[-1] - 1 >= MIN_GLUED_PHRASES

    def _may_be_menu(self, key: str) -> bool:
        """Cheap upper bound for coverage: enough words that occur in some exact phrase. Read
        until so many words occur in none that the rest cannot make up the share (prose stops
        within its first half)."""
        words = key.split()
        needed = MENU_LINE_COVERAGE * len(words)
        possible = len(words)  # the known words there can still be
        for word in words:
            if strip_non_word_edges(word) not in self.exact_words:
                possible -= 1
                if possible < needed:
                    return False
        return True

    def is_widget(self, text: str) -> bool:
        """A page widget's label, never a headline: a line that opens with a widget phrase
        ("Artikel zum Hören", "Flag of …"), a short count line ("3 Min", "12 تعليق"), a
        video playlist item, its duration glued to its title ("طريقة عمل الكنافة02:31"), a
        bare web address, or an embed's code printed as text ("Embed <iframe src=…>")."""
        return self.is_widget_key(match_key(text), text)

    def is_widget_key(self, key: str, text: str) -> bool:
        """:meth:`is_widget` with the line's ``match_key`` already computed."""
        if self.widget_prefixes.starts(key):
            return True
        if _ADDRESS_LINE_RE.fullmatch(text.strip()) or _EMBED_CODE_RE.search(text):
            return True
        if len(text) <= MAX_MEDIA_ITEM_CHARS and _GLUED_DURATION_RE.search(text[-8:]):
            return True
        words = key.split()
        if len(key) > MAX_COUNT_LINE_CHARS or len(words) > MAX_COUNT_LINE_WORDS:
            return False
        if not _DIGIT_RE.search(key):
            return False
        return sum(1 for w in words if _DIGIT_RE.search(w) is None) <= MAX_COUNT_LINE_LABEL_WORDS

    def is_related_marker(self, text: str) -> bool:
        """True for an in-article "اقرأ أيضا" box marker: headline links follow, then more body."""
        return match_key(text) in self.inline_related

    def is_tail_marker(self, text: str) -> bool:
        """True for headings after which the page holds no more body (related, comments…)."""
        return self.is_tail_marker_key(match_key(text))

    def is_tail_marker_key(self, key: str) -> bool:
        return self._is_tail_marker(key, _first_word(key))

    def tail_markers(self, keys: Sequence[str]) -> list[bool]:
        """:meth:`is_tail_marker_key` of each of ``keys`` (a dump's lines), their first words
        read in one pass; only a key whose first word opens a tail phrase is read further."""
        first_words = _LINE_FIRST_WORDS_RE.findall("\n".join(keys))
        if len(first_words) != len(keys):  # a key holding a line break: read one by one
            first_words = [_first_word(key) for key in keys]
        openers = self.tail_prefixes.by_first_word
        return [
            key in self.tail or (first in openers and self._is_tail_marker(key, first))
            for key, first in zip(keys, first_words, strict=True)
        ]

    def _is_tail_marker(self, key: str, first_word: str) -> bool:
        if key in self.tail:
            return True
        return key.count(" ") < MAX_TAIL_LINE_WORDS and self.tail_prefixes.starts(key, first_word)


def _phrases(table: dict[str, dict[str, list[str]]], section: str) -> list[str]:
    keys = (match_key(p) for lang in table.get(section, {}).values() for p in lang)
    return sorted({k for k in keys if k})


@cache
def chrome_lexicon() -> ChromeLexicon:
    """The lexicon, loaded once."""
    table = load_table("chrome")
    prefixes = (
        fold(p).lstrip(_EDGE_PUNCTUATION) for lang in table["prefix"].values() for p in lang
    )
    tail = frozenset(_phrases(table, "tail"))
    exact = frozenset(_phrases(table, "exact"))
    glued = frozenset(
        g for g in (p.replace(" ", "") for p in exact) if len(g) >= MIN_GLUED_PHRASE_CHARS
    )
    return ChromeLexicon(
        exact=exact,
        exact_words=frozenset(w for phrase in exact for w in phrase.split()),
        prefixes=PhraseIndex.of(sorted({p for p in prefixes if p})),
        contains=re.compile("|".join(re.escape(p) for p in _phrases(table, "contains"))),
        tail=tail,
        tail_prefixes=PhraseIndex.of(tail),
        inline_related=frozenset(_phrases(table, "inline_related")),
        widget_prefixes=PhraseIndex.of(_phrases(table, "widget")),
        glued=glued,
        glued_lengths=tuple(sorted({len(g) for g in glued}, reverse=True)),
    )
