"""Tokens of folded text, each word looked up once in the date lexicon.

The tokenizer is one regex (numbers, letter runs, newlines, single symbols), so it is linear and
cannot backtrack. Multi-word lexicon entries ("كانون الثاني", "جمادى الآخرة", "آخر تحديث",
"ت غ") are merged into one token here, so the grammar only ever looks at single tokens.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ._lexicon import Meaning, lexicon

__all__ = ["NL", "NUM", "PUNCT", "WORD", "Token", "split", "tokenize"]

NUM, WORD, PUNCT, NL = 0, 1, 2, 3

# Numbers, letter runs (any script), newlines, any other single visible character. The group
# that matched gives the kind (NUM, WORD, PUNCT, NL in group order), so no per-token test.
_TOKEN = re.compile(r"([0-9]+)|([^\W\d_]+)|(\S)|(\n)")


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
    """Token texts of an already-folded string (used to key the lexicon)."""
    return tuple(m.group() for m in _TOKEN.finditer(text))


def tokenize(text: str) -> list[Token]:
    """Tokens of folded ``text`` with lexicon meanings, multi-word entries merged."""
    entries = lexicon()
    matches = list(_TOKEN.finditer(text))
    out: list[Token] = []
    i, n = 0, len(matches)
    while i < n:
        match = matches[i]
        word = match.group()
        kind = match.lastindex - 1  # type: ignore[operator]  # always one group
        if kind == WORD and not word[0].isalpha():
            kind = PUNCT  # "²" is a word character but no letter
        candidates = entries.get(word) if kind != NL else None
        if candidates:
            for key, meaning in candidates:
                size = len(key)
                if i + size > n:
                    continue
                if size > 1 and not _same_line_run(text, matches, i, key):
                    continue
                end = matches[i + size - 1].end()
                out.append(Token(kind, " ".join(key), match.start(), end, meaning))
                i += size
                break
            else:
                out.append(Token(kind, word, match.start(), match.end()))
                i += 1
        else:
            out.append(Token(kind, word, match.start(), match.end()))
            i += 1
    return out


def _same_line_run(text: str, matches: list[re.Match[str]], i: int, key: tuple[str, ...]) -> bool:
    for k in range(1, len(key)):
        tok, prev = matches[i + k], matches[i + k - 1]
        if tok.group() != key[k] or "\n" in text[prev.end() : tok.start()]:
            return False
    return True
