"""Tokens of folded text, each word looked up once in the date lexicon.

The tokenizer is one regex (numbers, letter runs, newlines, single symbols), so it is linear and
cannot backtrack. Multi-word lexicon entries ("كانون الثاني", "جمادى الآخرة", "آخر تحديث",
"ت غ") are merged into one token here, so the grammar only ever looks at single tokens.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ._lexicon import Meaning, lexicon
from ._normalize import SPACELESS

__all__ = ["NL", "NUM", "PUNCT", "WORD", "Token", "split", "tokenize"]

NUM, WORD, PUNCT, NL = 0, 1, 2, 3

# Numbers, letter runs, any other single visible character, newlines: one pattern per kind,
# in the order of NUM, WORD, PUNCT, NL. A letter run stops at a character of a SPACELESS
# script, which is a word by itself (the second branch: any letter the run did not take).
_KINDS = ("[0-9]+", f"[^\\W\\d_{SPACELESS}]+|[^\\W\\d_]", "\\S", "\\n")
# The group that matched gives the kind, so no per-token test.
_TOKEN = re.compile("|".join(f"({kind})" for kind in _KINDS))
# The same tokens without groups: ``findall`` then lists their texts in C, with no Match
# objects. (Each pattern holding SPACELESS costs ~2 ms to compile: it walks ~30 000 code
# points.)
_TOKEN_TEXT = re.compile("|".join(_KINDS))


class Token(NamedTuple):
    kind: int
    text: str
    start: int
    end: int
    meaning: Meaning | None = None

    @property
    def value(self) -> int:
        """The integer a NUM token spells (only meaningful for NUM)."""
        return int(self.text)


def split(text: str) -> tuple[str, ...]:
    """Token texts of an already-folded string, multi-word entries unmerged (to key the
    lexicon, and for the pre-filter)."""
    return tuple(_TOKEN_TEXT.findall(text))


def tokenize(text: str) -> list[Token]:
    """Tokens of folded ``text`` with lexicon meanings, multi-word entries merged.

    A newline is a token of its own, so a multi-word entry never spans lines. The regex
    matches are read into plain tuples at once: a list of 100 000 live ``re.Match`` objects
    makes the garbage collector's passes grow with the page."""
    entries = lexicon()
    pieces = [(m.lastindex, m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    out: list[Token] = []
    append = out.append
    i, n = 0, len(pieces)
    while i < n:
        group, word, start, end = pieces[i]
        kind = group - 1  # type: ignore[operator]  # always one group
        if kind == WORD and not word[0].isalpha():
            kind = PUNCT  # "²" is a word character but no letter
        candidates = entries.get(word) if kind != NL else None
        i += 1
        if candidates:
            for key, meaning in candidates:
                size = len(key)
                if size == 1:
                    append(Token(kind, word, start, end, meaning))
                    break
                last = i + size - 2
                if last < n and all(pieces[i + k - 1][1] == key[k] for k in range(1, size)):
                    append(Token(kind, " ".join(key), start, pieces[last][3], meaning))
                    i = last + 1
                    break
            else:
                append(Token(kind, word, start, end))
        else:
            append(Token(kind, word, start, end))
    return out
