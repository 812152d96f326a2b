"""The dump path reads its lines in bulk: each bulk pass gives what its one-line definition gives.

``split_physical_lines`` cleans a chunk of lines at a time, and ``lines_with_features`` folds a
batch of lines in one pass and asks the lexicon for their tail markers in one pass. Each case
compares the bulk result with the one-line function it stands for (``clean_text``,
``fold_cleaned``, ``is_tail_marker_key``, ``display_width``), including lines whose edges meet a
line break (a bullet, a placeholder, a space), so that no rule reads across one.
"""

from __future__ import annotations

import re

import pytest

from article_extract._dump import lines as dump_lines
from article_extract._dump.lines import (
    LineReader,
    display_width,
    line_features,
    lines_with_features,
    split_physical_lines,
)
from article_extract._lexicon import chrome_lexicon
from article_extract._text import (
    _WINDOW,
    clean_lines,
    clean_text,
    count_matches,
    count_matches_each,
    fold_cleaned,
    fold_lines,
    line_batches,
    line_chunks,
)

# Lines that exercise each cleaning and folding step: spaces of every kind, bidi marks, lone
# surrogates, NFC/NFKC compositions, letter variants, harakat, digits, case, CJK.
LINES = [
    "",
    "   ",
    "\u00a0كتب\u200f:  فلان\t\tالفلاني\u00a0",
    "e\u0301te\u0301",  # NFC composes
    "ﻷ ﻹ",  # NFKC presentation forms
    "إقرأ أيضاً: مدرسة ٢٠٢٢",
    "Straße İstanbul HOME",
    "\ud800 lone",
    "\x85 next line \u2028",
    "中文 日本語のテキスト 한국어",
    "ــــــ",
    "a\x00b",
]


@pytest.mark.parametrize("text", LINES)
def test_clean_lines_cleans_each_line_as_clean_text(text: str) -> None:
    joined = "\n".join([text, *LINES, text])
    assert clean_lines(joined) == [clean_text(line) for line in joined.split("\n")]


def test_fold_lines_folds_each_line_as_fold_cleaned() -> None:
    cleaned = [clean_text(line) for line in LINES]
    assert fold_lines(cleaned) == [fold_cleaned(line) for line in cleaned]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("a\n", id="a-trailing-break"),
        pytest.param("x" * _WINDOW + "\n" + "y\n" * 10, id="a-cut-at-a-break"),
        pytest.param("ab\n" * _WINDOW, id="many-short-lines"),
        pytest.param("z" * (3 * _WINDOW), id="one-long-line"),
        pytest.param("q" * (_WINDOW - 1) + "\n\n", id="a-break-at-the-window"),
    ],
)
def test_line_chunks_hold_the_lines_of_the_text(text: str) -> None:
    lines = [line for chunk in line_chunks(text) for line in chunk.split("\n")]
    assert lines == text.split("\n")


@pytest.mark.parametrize("sizes", [[], [1], [5] * 10_000, [3, _WINDOW * 2, 4, 4], [_WINDOW] * 3])
def test_line_batches_are_the_lines_in_order(sizes: list[int]) -> None:
    lines = ["x" * size for size in sizes]
    batches = list(line_batches(lines))
    assert [line for batch in batches for line in batch] == lines
    assert all(batches)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("• item\n- dash item", ["item", "dash item"], id="bullets-fire"),
        pytest.param("o  item", ["item"], id="o-bullet-fires"),
        pytest.param("-\nitem", ["-", "item"], id="a-dash-before-a-break-is-no-bullet"),
        pytest.param("o\n x", ["o", "x"], id="an-o-before-a-break-is-no-bullet"),
        pytest.param("•\nitem", ["", "item"], id="a-lone-bullet-stays-its-own-line"),
        pytest.param("[logo] title", ["title"], id="placeholder-fires"),
        pytest.param("[ \n ] text", ["[", "] text"], id="no-placeholder-across-a-break"),
        pytest.param("[two words] x", ["[two words] x"], id="a-bracketed-phrase-stays"),
        pytest.param("a\r\nb\rc", ["a", "b", "c"], id="carriage-returns"),
        pytest.param("\u200f• item", ["• item"], id="a-mark-before-a-bullet-keeps-it"),
    ],
)
def test_split_physical_lines(text: str, expected: list[str]) -> None:
    assert split_physical_lines(text) == expected


def test_tail_markers_are_each_keys_tail_marker() -> None:
    lexicon = chrome_lexicon()
    tails = sorted(lexicon.tail)[:20]
    keys = [
        *tails,
        *(f"{key} 12" for key in tails),  # a prefix phrase with a count after it
        *(f"{key}x" for key in tails),  # the phrase glued to a word: no marker
        *(f"{key}_x" for key in tails),
        "",
        " leading space",
        "text before " + tails[0],
        "a\nb",
    ]
    expected = [lexicon.is_tail_marker_key(key) for key in keys]
    assert any(expected)
    assert not all(expected)
    assert lexicon.tail_markers(keys) == expected


@pytest.mark.parametrize("lines", [["abc", "中文", ""], ["plain", "text"], ["x" * 40_000, "中"]])
def test_display_widths_are_each_lines_display_width(lines: list[str]) -> None:
    assert dump_lines._display_widths(lines) == [display_width(line) for line in lines]


def test_features_read_in_bulk_are_those_of_each_line_alone() -> None:
    texts = [line for line in (clean_text(text) for text in LINES) if line]
    texts += ["التعليقات", "16:40", "اقرأ أيضا", "Comments (12)", "x" * 30_000]
    reader = LineReader()
    bulk = lines_with_features(texts * 200, reader, max_line_chars=20_000)
    alone = [line_features(k, text, reader, max_line_chars=20_000) for k, text in enumerate(texts)]
    assert bulk[: len(texts)] == alone
    assert any(line.tail for line in alone)
    assert any(line.time_of_day for line in alone)


def test_a_long_line_is_a_batch_of_its_own() -> None:
    """A batch's lines are read joined: a long line alone is joined without being copied (the
    join of one string is that string), where joined to its neighbours it would be."""
    long_line = "x" * _WINDOW
    batches = [list(batch) for batch in line_batches(["a", "b", long_line, "c"])]
    assert batches == [["a", "b"], [long_line], ["c"]]
    assert "\n".join(batches[1]) is long_line


@pytest.mark.parametrize(
    "lines",
    [["كلمة، كلمة؛ x", "", "a_b c"], ["w " * _WINDOW], ["中文 abc", "x,y;z"]],
    ids=["short-lines", "a-long-line-alone", "cjk-and-punctuation"],
)
def test_count_matches_each_counts_each_line(lines: list[str]) -> None:
    for pattern in (re.compile(r"\w+"), dump_lines._INNER_PUNCT_RE):
        assert count_matches_each(pattern, lines) == [count_matches(pattern, x) for x in lines]
