"""The matching form of a date string, with a map back to the caller's offsets.

Unlike :func:`article_extract._text.fold`, this keeps a position map: every character of the
folded string knows where it came from, so spans always index the text the caller passed in.
Folding is one ``str.translate`` (length-preserving); the characters that must vanish (harakat,
tatweel, bidi marks) are first turned into a sentinel and only then removed. The map records
only where those vanished characters were (a position is then one bisect away), so the common
cases (nothing or a few characters to remove) cost no Python-level loop over the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from .._text import LETTER_VARIANTS

__all__ = ["SPACELESS", "VANISHING", "Folded", "fold_plain", "fold_with_map", "is_spaceless"]

# Sentinel for characters that vanish; never present in real text.
_DROP = "\x00"
_DROPPED = re.compile(_DROP)

_DIGITS = {
    **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic
    **{chr(0x06F0 + i): str(i) for i in range(10)},  # Persian
    **{chr(0xFF10 + i): str(i) for i in range(10)},  # full-width (Chinese, Japanese, Korean)
}
# Scripts written without spaces between words (Han, kana; not Hangul, which spaces words):
# each of their characters is a token of its own, so "日午後" is "日" then "午後" and a lexicon
# entry of several characters is merged like a multi-word name. Code point ranges (々〆〇,
# hiragana, katakana, the Han blocks).
_SPACELESS_RANGES = (
    (0x3005, 0x3007),
    (0x3041, 0x3096),
    (0x309D, 0x309F),
    (0x30A1, 0x30FA),
    (0x30FC, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x3134F),
)
# The same as the body of a regex class. Compiling it walks every code point of its ranges
# (~30 000): a pattern should hold it once, not once per word list.
SPACELESS = "".join(f"{chr(a)}-{chr(b)}" for a, b in _SPACELESS_RANGES)


def is_spaceless(char: str) -> bool:
    """True for a character of a SPACELESS script (a token by itself)."""
    point = ord(char)
    return point >= _SPACELESS_RANGES[0][0] and any(a <= point <= b for a, b in _SPACELESS_RANGES)


_LETTERS = {
    **LETTER_VARIANTS,  # the same letters _text.fold unifies ("ھ" is seen in the Hijri era "ھ")
    "–": "-",
    "—": "-",
    "−": "-",
    "‐": "-",
    "‑": "-",
    "٫": ",",
    "٬": ",",
    "／": "/",
    "：": ":",
    "（": "(",
    "）": ")",
    "，": ",",
    "、": ",",
    "．": ".",
    "－": "-",
}
# Spaces a browser renders as a plain space; newlines are kept (a date never spans lines).
_SPACES = "\u00a0\u1680\u202f\u205f\u3000\t\f\v\r" + "".join(chr(c) for c in range(0x2000, 0x200B))
# Harakat, superscript alef, tatweel, bidi/zero-width marks, BOM, soft hyphen: never meaningful.
VANISHING = (
    [chr(c) for c in range(0x064B, 0x0660)]
    + ["\u0670", "\u0640", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c"]
    + ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
    + ["\ufeff", "\u00ad"]
)

# Upper-case letters of the other scripts date words are written in (Latin-1, Latin Extended,
# Greek, Cyrillic: "Güncelleme", "Обновлено"), wherever lower-casing keeps the length ("İ" is
# two characters lower-cased: Turkish dotted capital I becomes a plain "i").
_LOWER = {
    **{
        chr(c): chr(c).lower()
        for c in range(0x00C0, 0x0530)
        if len(chr(c).lower()) == 1 and chr(c).lower() != chr(c)
    },
    "\u0130": "i",
}

# str.translate raises and clears a KeyError for each character its table lacks: listing the
# characters of most pages as kept (Latin, Greek, Cyrillic, Arabic, punctuation) halves the
# cost of folding, which every date lookup pays first.
_KEPT = {c: c for c in [*range(0x0800), *range(0x2000, 0x2070)]}

_TABLE = str.maketrans(
    {
        **_KEPT,
        **_DIGITS,
        **_LETTERS,
        **dict.fromkeys(_SPACES, " "),
        **dict.fromkeys(VANISHING, _DROP),
        **{chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)},
        **_LOWER,
    }
)

# A tatweel run standing between spaces or digits is a separator ("6 ـ 4 ـ 1959"), not letter
# stretching ("رمضـان"); it becomes "-" (same length) before folding. Possessive: a run
# followed by a letter fails at once instead of giving back one tatweel at a time.
_LONE_TATWEEL = re.compile(r"(?<![^\W\d_])\u0640++(?![^\W\d_])")

# Combining marks that may trail the last kept character of a match ("مساءً"): spans include them.
_TRAILING_MARKS = frozenset([chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"])


class Folded(NamedTuple):
    """``text`` folded for matching; ``gaps`` holds, for each character of ``original`` that
    folding removed, the position in ``text`` where it would have stood (sorted, empty = none).
    """

    original: str
    text: str
    gaps: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a ``[start, end)`` range of the folded text back to the original text."""
        gaps = self.gaps
        if gaps:  # each removed character at or before a position shifts it by one
            a, b = start + bisect_right(gaps, start), end + bisect_right(gaps, end - 1)
        else:
            a, b = start, end
        original = self.original
        while b < len(original) and original[b] in _TRAILING_MARKS:
            b += 1
        return a, b


def _tatweel_to_dash(match: re.Match[str]) -> str:
    return "-" * len(match.group())


def fold_with_map(text: str) -> Folded:
    """Fold ``text`` (digits ASCII, letter variants unified, lower-cased, marks removed)."""
    source = text
    if "\u0640" in text:
        text = _LONE_TATWEEL.sub(_tatweel_to_dash, text)
    folded = text.translate(_TABLE)
    if _DROP not in folded:
        return Folded(source, folded, ())
    gaps = tuple(m.start() - k for k, m in enumerate(_DROPPED.finditer(folded)))
    return Folded(source, folded.replace(_DROP, ""), gaps)


def fold_plain(text: str) -> str:
    """The folded text alone, spaces collapsed (for looking up short names; no position map)."""
    if "\u0640" in text:
        text = _LONE_TATWEEL.sub(_tatweel_to_dash, text)
    return " ".join(text.translate(_TABLE).replace(_DROP, "").split())
