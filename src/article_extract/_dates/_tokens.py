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

# Numbers, letter runs (any script), newlines, any other single visible character.
_TOKEN = re.compile(r"[0-9]+|[^\W\d_]+|\n|\S")


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


def _kind(text: str) -> int:
    first = text[0]
    if "0" <= first <= "9":
        return NUM
    if first == "\n":
        return NL
    if first.isalpha():
        return WORD
    return PUNCT


def split(text: str) -> tuple[str, ...]:
    """Token texts of an already-folded string (used to key the lexicon)."""
    return tuple(_TOKEN.findall(text))


def tokenize(text: str) -> list[Token]:
    """Tokens of folded ``text`` with lexicon meanings, multi-word entries merged."""
    raw = [Token(_kind(m.group()), m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    entries = lexicon()
    out: list[Token] = []
    i, n = 0, len(raw)
    while i < n:
        tok = raw[i]
        candidates = entries.get(tok.text) if tok.kind != NL else None
        if candidates:
            for key, meaning in candidates:
                size = len(key)
                if i + size > n:
                    continue
                if size > 1 and not _same_line_run(text, raw, i, key):
                    continue
                last = raw[i + size - 1]
                out.append(Token(tok.kind, " ".join(key), tok.start, last.end, meaning))
                i += size
                break
            else:
                out.append(tok)
                i += 1
        else:
            out.append(tok)
            i += 1
    return out


def _same_line_run(text: str, raw: list[Token], i: int, key: tuple[str, ...]) -> bool:
    for k in range(1, len(key)):
        tok, prev = raw[i + k], raw[i + k - 1]
        if tok.text != key[k] or "\n" in text[prev.end : tok.start]:
            return False
    return True
