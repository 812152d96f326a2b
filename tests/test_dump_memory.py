"""The dump path's memory (issue 7: peak memory under 10x the input).

A long line is counted and folded a window at a time (never as every word, or a 12-byte-a-
character casefold buffer, at once), and a line keeps only what every stage reads. The peaks are
tracemalloc's (the Python allocations this code controls), relative to the input's size or per
line; the RSS table is ``benchmarks/hostile.py``'s.
"""

from __future__ import annotations

import re
import sys
import tracemalloc
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

import pytest

import hostile_inputs
from article_extract import ExtractError, extract
from article_extract._dump import lines as dump_lines
from article_extract._dump.lines import prepare_lines
from article_extract._lexicon import match_key
from article_extract._text import (
    _FOLD_TABLE,
    _NOT_ALNUM_RE,
    _WINDOW,
    cjk_letters,
    count_matches,
    fold_cleaned,
    letters_of_folded,
    non_cjk_words,
)

WORDS = re.compile(r"\w+")
PUNCT = re.compile(r"[،,؛;]")

# Bounds, each well above what the code holds today and below what it held before (in brackets).
# extract() on a hard-wrapped dump, unwrapped into one long line: ~5x its input (16x).
MAX_LONG_LINE_PEAK = 8.0
# count_matches on a line of 100,000 words: one window's matches at a time (6 MB at once).
MAX_COUNT_PEAK_BYTES = 1_000_000
# fold_cleaned: ~3.4x the text's size (8x: casefold's buffer); NFKC of a text it changes (here
# "ﻷ") still holds a UCS-4 copy of the whole text.
MAX_FOLD_PEAK = 5.0
# prepare_lines on distinct short lines, bytes a line: kept ~278 (383), peak ~297 (413). The
# floor is the line's text (~100 bytes for 13 Arabic characters), its Line record (~144), its
# position (an int object, 28) and its slot in the list (8).
MAX_KEPT_BYTES_PER_LINE = 320
MAX_PEAK_BYTES_PER_LINE = 320


@contextmanager
def _traced() -> Iterator[list[int]]:
    """Trace Python allocations inside the block; yields [current, peak] filled at its end."""
    measured = [0, 0]
    tracemalloc.start()
    try:
        yield measured
        measured[:] = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        pytest.param(WORDS, "a" * (_WINDOW + 5), id="a-word-cut-by-the-window-end"),
        pytest.param(WORDS, "a" * (_WINDOW - 1) + " " + "b" * 9, id="the-cut-between-words"),
        pytest.param(WORDS, "a" * _WINDOW + " b", id="a-word-ending-at-the-cut"),
        pytest.param(WORDS, " " * _WINDOW + "abc", id="a-word-opening-at-the-cut"),
        pytest.param(WORDS, "x" * (2 * _WINDOW + 10), id="a-word-over-three-windows"),
        pytest.param(WORDS, "كلمة، " * 10_000, id="arabic-words"),
        pytest.param(PUNCT, "،" * (_WINDOW + 3), id="single-characters-across-the-cut"),
        pytest.param(cjk_letters(), "中a" * _WINDOW, id="cjk-letters"),
        pytest.param(non_cjk_words(), "中ab" * _WINDOW, id="words-between-cjk-letters"),
        pytest.param(WORDS, "short line", id="short"),
        pytest.param(WORDS, "", id="empty"),
    ],
)
def test_count_matches_is_the_number_findall_finds(pattern: re.Pattern[str], text: str) -> None:
    assert count_matches(pattern, text) == len(pattern.findall(text))


@pytest.mark.parametrize("text", ["中文abc 日本語のdef", "plain words, no CJK", "한국어 text"])
def test_non_cjk_words_are_the_words_left_when_cjk_letters_are_spaces(text: str) -> None:
    expected = len(WORDS.findall(cjk_letters().sub(" ", text)))
    assert count_matches(non_cjk_words(), text) == expected


def test_counting_the_words_of_a_long_line_holds_one_window_of_them() -> None:
    text = "كلمة " * 100_000
    with _traced() as (_, peak):
        assert count_matches(WORDS, text) == 100_000
    assert peak < MAX_COUNT_PEAK_BYTES


# Folded one character at a time, so a long text folds as a whole would: the pieces a fold may
# change (variants, case, "ß" that becomes two letters, "İ", presentation forms) across cuts.
_FOLD_SAMPLE = "إقرأ أيضاً Straße İstanbul ﻷ مدرسة ٢٠٢٢ HOME "


def _fold_whole(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_FOLD_TABLE).casefold()


def test_a_long_text_folds_as_it_would_whole() -> None:
    text = _FOLD_SAMPLE * (3 * _WINDOW // len(_FOLD_SAMPLE) + 7)
    assert len(text) > 3 * _WINDOW
    assert fold_cleaned(text) == _fold_whole(text)
    assert letters_of_folded(fold_cleaned(text)) == _NOT_ALNUM_RE.sub("", _fold_whole(text))


@pytest.mark.parametrize(
    ("text", "shared"),
    [
        pytest.param("سطر رقم 12", True, id="arabic-without-variants"),
        pytest.param("مدرسة", False, id="teh-marbuta-folds"),
        pytest.param("Home", False, id="capital-folds"),
        pytest.param("سطر رقم 12.", False, id="edge-punctuation-stripped"),
    ],
)
def test_a_line_whose_key_is_its_text_keeps_one_string(text: str, shared: bool) -> None:
    """Most Arabic lines fold to themselves: the line's key is its text, not a copy."""
    (line,) = prepare_lines(text)
    assert line.key == match_key(text)
    assert (line.key is line.text) is shared


def test_folding_a_long_text_holds_about_two_copies() -> None:
    text = _FOLD_SAMPLE * (300_000 // len(_FOLD_SAMPLE))
    with _traced() as (_, peak):
        fold_cleaned(text)
    assert peak < MAX_FOLD_PEAK * sys.getsizeof(text)


def _extract_peak(page: str) -> float:
    with _traced() as measured, suppress(ExtractError):
        extract(page)
    return measured[1] / len(page.encode())


@pytest.mark.usefixtures("warm_extract")
def test_a_hard_wrapped_dump_peaks_under_its_bound() -> None:
    """2,000 one-sentence lines of one width: read as one wrapped paragraph, one long line."""
    page = hostile_inputs._dump_lines(2_000)
    assert max(len(line.text) for line in prepare_lines(page)) > _WINDOW
    assert _extract_peak(page) < MAX_LONG_LINE_PEAK


def test_distinct_short_lines_keep_few_bytes_each() -> None:
    page = hostile_inputs._short_lines(10_000)
    prepare_lines(page[:1000])  # the lexicons and tables, loaded once, are not the lines'
    with _traced() as measured:
        lines = prepare_lines(page)
    kept, peak = (value / len(lines) for value in measured)
    assert len(lines) == 10_001
    assert kept < MAX_KEPT_BYTES_PER_LINE
    assert peak < MAX_PEAK_BYTES_PER_LINE


def _without_position(line: dump_lines.Line) -> tuple[Any, ...]:
    return line._replace(position=0)


def test_a_repeated_line_reads_as_its_first_occurrence() -> None:
    """A line's features depend on its text alone, wherever it stands: in the same batch of
    lines as its first occurrence or in a later one (the features are read a batch at a time)."""
    texts = ["الرئيسية", "سطر رقم 1", "Home", "سطر رقم 2."] * 3000
    lines = prepare_lines("\n".join(texts))
    assert [line.position for line in lines] == list(range(len(texts)))
    first: dict[str, dump_lines.Line] = {}
    for line in lines:
        earlier = first.setdefault(line.text, line)
        assert _without_position(line) == _without_position(earlier)


def test_a_line_keeps_no_fold_of_its_own() -> None:
    """The fold the caption rules read is folded when asked: a kept one would be a second copy
    of the dump's text."""
    (line,) = prepare_lines("إقرأ أيضاً: مدرسة.")
    assert "folded" not in dump_lines.Line._fields
    assert line.folded == fold_cleaned(line.text)
