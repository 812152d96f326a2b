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


# Builds a Token from a complete tuple in C (a NamedTuple's own ``__new__`` is a Python call):
# every token of a line pays it.
_new_token = tuple.__new__


def tokenize(text: str) -> list[Token]:
    """Tokens of folded ``text`` with lexicon meanings, multi-word entries merged.

    A newline is a token of its own, so a multi-word entry never spans lines. One pass over
    the regex's matches, each made a Token at once: no ``re.Match`` is kept (a list of
    100 000 live ones makes the garbage collector's passes grow with the page), and only a
    word that starts a multi-word entry reads the tokens after it (:func:`_merged_end`)."""
    entries = lexicon()
    out: list[Token] = []
    append = out.append
    matches = _TOKEN.finditer(text)
    for match in matches:
        kind = match.lastindex - 1  # type: ignore[operator]  # always one group
        word = match.group()
        if kind == WORD and not word[0].isalpha():
            kind = PUNCT  # "²" is a word character but no letter
        start, end = match.span()
        candidates = entries.get(word) if kind != NL else None
        meaning = None
        for key, entry_meaning in candidates or ():
            if len(key) == 1:
                meaning = entry_meaning
                break
            merged_end = _merged_end(text, end, key)
            if merged_end is not None:
                word, end, meaning = " ".join(key), merged_end, entry_meaning
                for _ in range(len(key) - 1):
                    next(matches)  # the tokens the entry took in
                break
        append(_new_token(Token, (kind, word, start, end, meaning)))
    return out


def _merged_end(text: str, end: int, key: tuple[str, ...]) -> int | None:
    """Where the multi-word entry ``key`` ends when the tokens after offset ``end`` (the end of
    its first word) are its other words; None when they are not."""
    for word in key[1:]:
        match = _TOKEN.search(text, end)  # the next token: what finditer would give next
        if match is None or match.group() != word:
            return None
        end = match.end()
    return end
