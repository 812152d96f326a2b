"""Text normalisation shared by every stage.

Two different normal forms, never mixed up:

* :func:`clean_text` is what users see: NFC, one kind of space, no invisible bidi marks,
  tatweel and harakat kept (they are part of the author's text).
* :func:`fold` is for *matching only* (lexicons, title comparison, scoring): it also drops
  harakat and tatweel, unifies alef/yeh/teh-marbuta/kaf variants and lower-cases.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import cache

__all__ = [
    "FIRST_CJK",
    "LETTER_VARIANTS",
    "cjk_letters",
    "clean_lines",
    "clean_text",
    "count_matches",
    "count_matches_each",
    "ends_like_sentence",
    "fold",
    "fold_cleaned",
    "fold_lines",
    "letters_key",
    "letters_of_folded",
    "line_batches",
    "line_chunks",
    "non_cjk_words",
    "strip_non_word_edges",
    "without_surrogates",
]

# Spaces that browsers render as a plain space; NBSP is the common one in scraped pages.
_SPACE_CHARS = (
    "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u202f\u205f\u3000\t\f\v"
)
# Invisible direction marks and BOM: they break matching and carry no meaning once extracted.
# ZWNJ (U+200C) is kept: Persian spelling needs it.
_INVISIBLE_CHARS = (
    "\u200b\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff\u00ad"
)

# Lone surrogates: a Python str can hold them (JSON "\ud800", a surrogateescape'd read), UTF-8
# cannot, so an Article holding one could not be written as JSON. They become U+FFFD.
_SURROGATES = "\ud800-\udfff"

_CLEAN_TABLE = str.maketrans(
    {
        **dict.fromkeys(_SPACE_CHARS, " "),
        **dict.fromkeys(_INVISIBLE_CHARS),
        **dict.fromkeys(map(chr, range(0xD800, 0xE000)), "\ufffd"),
    }
)


def _runs_of(char_class: str) -> re.Pattern[str]:
    """Runs of the characters of ``char_class`` (a ``[…]``), written as one of them and any
    more: the engine scans quickly for a pattern that opens with a character class, where a
    class repeat (``[…]+``) is tried at every position (~2x the instructions on a dump)."""
    return re.compile(f"{char_class}{char_class}*")


# Runs of characters the cleaning maps: a text holds a few (an NBSP, a soft hyphen, a BOM), and
# replacing them costs less than ``translate`` with a dict over the whole text, which looks every
# character up.
_CLEAN_RUN_RE = _runs_of(f"[{re.escape(_SPACE_CHARS + _INVISIBLE_CHARS)}{_SURROGATES}]")
_SURROGATE_RE = re.compile(f"[{_SURROGATES}]")
# Runs of two or more spaces. Written as a literal "  " and more: the engine finds a literal
# prefix with a fast search, where a class repeat (``[ ]{2,}``) is tried at every character
# (~6x the instructions on a dump).
_SPACE_RUN = re.compile(r"  +")
_NEWLINE_SPACES = re.compile(r"(?<! ) *\n *")  # starts where a run of spaces starts

# Arabic-Indic (U+0660..9) and Persian (U+06F0..9) digits to ASCII.
_DIGIT_TABLE = str.maketrans(
    {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)}}
)

# Letter variants unified for matching (shared with the date engine's position-keeping fold).
LETTER_VARIANTS = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ی": "ي",  # Persian yeh
    "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ۀ": "ه",
    "ھ": "ه",  # heh doachashmee
    "ک": "ك",  # keheh
    "ڤ": "ف",  # veh: /v/ in loanwords ("نوڤمبر", "ڤيديو")
    "ڥ": "ف",  # veh, Maghrebi form
    "ڨ": "ق",  # qaf with three dots: /g/ in Maghrebi spelling
}
# Apostrophes and their typographic variants ("s’inscrire", "l‘article") match as one; Turkish
# dotted capital I folds to "i" (casefold would leave a combining dot behind it).
_APOSTROPHES = {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'", "İ": "i"}
# Folding for matching: harakat (U+064B..U+065F, U+0670) and tatweel vanish; letters unify;
# digits become ASCII. One table, so the text is walked once.
_FOLD_TABLE = (
    str.maketrans(
        {
            **{chr(c): None for c in range(0x064B, 0x0660)},
            "\u0670": None,
            "\u0640": None,
            **LETTER_VARIANTS,
            **_APOSTROPHES,
        }
    )
    | _DIGIT_TABLE
)
# Runs of characters the table maps: most text holds a few short ones (a variant letter, a
# haraka), and replacing them costs less than ``translate`` with a dict, which looks every
# character up (some 80 ns each for Arabic letters).
_FOLD_RUN_RE = _runs_of(f"[{re.escape(''.join(map(chr, _FOLD_TABLE)))}]")
# What the table makes of each character it maps, looked up by the character.
_FOLDED_CHARS = {chr(char): chr(char).translate(_FOLD_TABLE) for char in _FOLD_TABLE}


def _fold_run(run: re.Match[str]) -> str:
    folded = _FOLDED_CHARS.get(run[0])  # most runs are one character
    return run[0].translate(_FOLD_TABLE) if folded is None else folded


# A word character that is not "_": what survives at the edges of a token. Searched from each
# end with ``search`` (never ``^[\W_]+|[\W_]+$``, whose second branch is retried at every
# position of a long run of punctuation: quadratic).
_WORD_CHAR_RE = re.compile(r"[^\W_]")
# What letters_key drops: anything str.isalnum rejects (\w is isalnum() or "_").
_NOT_ALNUM_RE = re.compile(r"[\W_]+")
# Characters that end a sentence in the scripts we see (Latin, Arabic, CJK), and the closing
# quotes/brackets that may follow them.
_SENTENCE_END_CHARS = frozenset(".!?؟…。！？:")
_CLOSING_CHARS = "\"'”’»)]）」』"
# A line ending in one of these closing quotes reads as a finished (quoted) sentence.
_CLOSING_QUOTE_ENDS = frozenset('"”»')


# A long text is read a window of this many characters at a time where reading it whole holds
# many times its size: ``findall`` holds every match as a string (some 60 bytes a word),
# ``casefold`` a buffer of 12 bytes a character, ``sub`` a list of every piece it keeps.
_WINDOW = 1 << 14


def _by_windows(transform: Callable[[str], str], text: str) -> str:
    """``transform(text)`` for a ``transform`` that maps each character on its own (so that a
    text cut anywhere maps as the whole does), a window at a time."""
    return "".join(
        [transform(text[start : start + _WINDOW]) for start in range(0, len(text), _WINDOW)]
    )


def _clean_run(run: re.Match[str]) -> str:
    return run[0].translate(_CLEAN_TABLE)


def _clean_chars(text: str) -> str:
    """NFC, one kind of space, no bidi marks, no lone surrogates: each character (or, for NFC,
    each run between line breaks, across which nothing composes) mapped on its own."""
    return _CLEAN_RUN_RE.sub(_clean_run, unicodedata.normalize("NFC", text))


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate as U+FFFD, as :func:`clean_text` makes it, for the
    encoders and C parsers that refuse one."""
    return _SURROGATE_RE.sub("\ufffd", text)


def clean_text(text: str, *, keep_newlines: bool = False) -> str:
    """NFC, one kind of space, no bidi marks, no lone surrogates, runs of spaces collapsed, ends
    stripped."""
    text = _clean_chars(text).replace("\r\n", "\n").replace("\r", "\n")
    if keep_newlines:
        text = _NEWLINE_SPACES.sub("\n", _SPACE_RUN.sub(" ", text))
        return text.strip()
    return _SPACE_RUN.sub(" ", text.replace("\n", " ")).strip()


def clean_lines(text: str) -> list[str]:
    """:func:`clean_text` of each line of ``text`` (split at "\\n", no "\\r" left), in a few
    passes over the whole text rather than several calls a line: cleaning maps each character
    on its own, and neither NFC nor a run of spaces reaches across a line break."""
    return [line.strip() for line in _SPACE_RUN.sub(" ", _clean_chars(text)).split("\n")]


def fold(text: str) -> str:
    """The matching form of ``text``: cleaned, harakat/tatweel dropped, letters unified, lowered.

    NFKC (not NFC) so presentation forms such as the lam-alef ligature "ﻷ" match their letters.
    """
    return fold_cleaned(clean_text(text))


def fold_cleaned(text: str) -> str:
    """:func:`fold` of a text :func:`clean_text` returned (a dump's lines, cleaned once)."""
    return _fold_normalized(unicodedata.normalize("NFKC", text))


def fold_lines(lines: Sequence[str]) -> list[str]:
    """:func:`fold_cleaned` of each of ``lines`` (cleaned, no line break inside; a batch of
    :func:`line_batches`), folded in one pass after NFKC: NFKC composes nothing across a line
    break, and the rest maps each character on its own."""
    # NFKC a line at a time: its quick check passes a line already in NFKC (most lines), where a
    # batch holding one ligature or full-width character would be normalized whole (~5x).
    normalized = "\n".join([unicodedata.normalize("NFKC", line) for line in lines])
    folded = _fold_normalized(normalized).split("\n")
    if len(folded) != len(lines):  # no fold makes a line break: this keeps it so if one did
        return [fold_cleaned(line) for line in lines]
    return folded


def _fold_normalized(text: str) -> str:
    """The rest of :func:`fold_cleaned` after NFKC: each character is mapped on its own."""
    if len(text) > _WINDOW:
        return _by_windows(_fold_normalized, text)
    return _FOLD_RUN_RE.sub(_fold_run, text).casefold()


def letters_key(text: str) -> str:
    """Letters and digits only, folded: what two spellings of one headline or name share."""
    return letters_of_folded(fold(text))


def letters_of_folded(folded: str) -> str:
    """:func:`letters_key` of a text whose :func:`fold` is ``folded`` (or that fold with
    punctuation stripped from its ends, such as a lexicon key)."""
    if len(folded) > _WINDOW:
        return _by_windows(letters_of_folded, folded)
    return _NOT_ALNUM_RE.sub("", folded)


def strip_non_word_edges(token: str) -> str:
    """``token`` without leading and trailing non-word characters ("«كتب:»" → "كتب").

    Two searches from the ends, so a long run of punctuation costs one pass."""
    if token.isalnum():  # the common case: nothing to strip
        return token
    first = _WORD_CHAR_RE.search(token)
    if first is None:
        return ""
    last = _WORD_CHAR_RE.search(token[::-1])
    assert last is not None  # the forward search found one
    return token[first.start() : len(token) - last.start()]


def ends_like_sentence(text: str) -> bool:
    """Does ``text`` end like a sentence: a terminal mark, optionally followed by closing
    quotes or brackets ("… قال.»"), or a closing quote alone?"""
    if text[-1:] in _CLOSING_QUOTE_ENDS:
        return True
    return text.rstrip(_CLOSING_CHARS)[-1:] in _SENTENCE_END_CHARS


# Where the CJK ranges of :func:`cjk_letters` start: a text with no character from here on holds
# no CJK letter (a cheap test before the pattern).
FIRST_CJK = "\u3040"
# Hiragana, katakana, CJK ideographs and Hangul syllables, as a character-class body.
_CJK_RANGES = r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"


@cache
def cjk_letters() -> re.Pattern[str]:
    """Hiragana, katakana, CJK ideographs and Hangul syllables: the letters of scripts where
    two characters count as one word. Compiled on first use (its wide ranges take a few ms)."""
    return re.compile(f"[{_CJK_RANGES}]")


@cache
def non_cjk_words() -> re.Pattern[str]:
    """Runs of word characters other than :func:`cjk_letters`: the words of a text whose CJK
    letters are counted apart (as ``\\w+`` in the text with each CJK letter made a space)."""
    return re.compile(f"[^\\W{_CJK_RANGES}]+")


def count_matches(pattern: re.Pattern[str], text: str) -> int:
    """``len(pattern.findall(text))`` for a ``pattern`` that is one character class, alone or
    repeated (``[…]``, ``\\w+``), without holding the matches: a window at a time, a run cut
    by a window's end counted once."""
    if len(text) <= _WINDOW:
        return len(pattern.findall(text))
    count = 0
    for start in range(0, len(text), _WINDOW):
        end = start + _WINDOW
        count += len(pattern.findall(text, start, end))
        across = pattern.match(text, end - 1, end + 1)  # a run on both sides of the cut
        if across is not None and across.end() == end + 1:
            count -= 1
    return count


def line_chunks(text: str) -> Iterator[str]:
    """``text`` in pieces of whole lines (cut at a "\\n", which no piece keeps) of about a
    window's length, a longer line whole: the pieces' lines are ``text.split("\\n")``. What
    a bulk pass over a text's lines reads at a time, so that it never holds a copy of every
    line at once."""
    start = 0
    while True:
        end = text.find("\n", start + _WINDOW)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


def line_batches(lines: Sequence[str]) -> Iterator[Sequence[str]]:
    """Runs of consecutive ``lines`` of about a window's length together, a line of a window or
    more alone (so that joining a batch's lines never copies it: a join of one string is that
    string): what a bulk pass over lines reads at a time (see :func:`line_chunks`)."""
    start = size = 0
    for end, line in enumerate(lines):
        if len(line) >= _WINDOW:
            if start < end:
                yield lines[start:end]
            yield lines[end : end + 1]
            start, size = end + 1, 0
            continue
        size += len(line) + 1
        if size >= _WINDOW:
            yield lines[start : end + 1]
            start, size = end + 1, 0
    if start < len(lines):
        yield lines[start:]


def count_matches_each(pattern: re.Pattern[str], batch: Sequence[str]) -> list[int]:
    """:func:`count_matches` of each line of ``batch`` (one of :func:`line_batches`: a line of
    a window or more is alone in its batch, the others are each shorter than a window and are
    counted whole, with no call of ours a line)."""
    if len(batch) == 1:
        return [count_matches(pattern, batch[0])]
    return [len(found) for found in map(pattern.findall, batch)]
