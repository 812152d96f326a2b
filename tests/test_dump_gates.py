"""The cheap first looks that let a dump line's readers answer "no" early never change an answer.

Each gate is checked against the full reader it stands in front of, over every physical and
logical line of the corpus dumps (``fixtures/corpus-dumps``) and of the dump and Markdown
fixtures, over the lexicons' own entries in the forms pages print them, and (for the
character-level gates) over every character of the Basic Multilingual Plane. Each check also
counts the lines the reader says "yes" to, so that a test over lines that never fire cannot pass.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from article_extract._byline import (
    is_source_label,
    parse_byline,
    read_credit_line,
)
from article_extract._dates import bare_clock, find_dates
from article_extract._dates._engine import (
    MAX_CLOCK_LINE_CHARS,
    _clock_opener_letters,
    _clock_openers,
    _may_open_clock,
    may_hold_date,
)
from article_extract._dates._normalize import fold_with_map
from article_extract._dates._tokens import split
from article_extract._dump.lines import (
    DATE_LINE_COVERAGE,
    MAX_DATE_LINE_UNITS,
    _stands_alone,
    _unwrap,
    split_physical_lines,
)
from article_extract._lexicon import (
    MAX_CHROME_LINE_WORDS,
    MENU_LINE_COVERAGE,
    chrome_lexicon,
    match_key,
)
from article_extract._text import clean_text, fold, strip_non_word_edges
from article_extract.data import load_table

FIXTURES = Path(__file__).parent / "fixtures"
# Corpus dumps of every shape, and the dump and Markdown golden fixtures.
DUMP_FILES = sorted(
    [
        *(FIXTURES / "corpus-dumps").glob("*/*.txt"),
        *FIXTURES.glob("*/input.txt"),
        *FIXTURES.glob("*/input.md"),
    ]
)
# The corpus holds at least this many distinct lines: fewer means the fixtures went missing.
MIN_CORPUS_LINES = 5_000


@cache
def _corpus_lines() -> tuple[str, ...]:
    """Every distinct non-blank physical and logical (unwrapped) line of the dump fixtures."""
    lines: dict[str, None] = {}
    for path in DUMP_FILES:
        physical = split_physical_lines(path.read_text(encoding="utf-8"))
        lines.update(dict.fromkeys(line for line in physical if line))
        lines.update(dict.fromkeys(line for line in _unwrap(physical) if line))
    assert len(lines) >= MIN_CORPUS_LINES, f"only {len(lines)} lines in {len(DUMP_FILES)} files"
    return tuple(lines)


def _printed_forms(entry: str) -> list[str]:
    """A lexicon entry as pages print it: alone, with a colon or dash, before a name, glued to
    it, in guillemets or parentheses, after a dash."""
    return [
        entry,
        f"{entry}:",
        f"{entry} :",
        f"{entry} - ",
        f"{entry}: أحمد علي",
        f"{entry} John Smith",
        f"{entry}:محمد خالد",
        f"{entry}-رويترز",
        f"«{entry}»",
        f"({entry})",
        f"- {entry}",
        f"-- {entry}",
        entry.upper(),
    ]


@cache
def _lexicon_lines() -> tuple[str, ...]:
    bylines = load_table("bylines")
    chrome = load_table("chrome")
    entries = [
        *bylines["author_labels"],
        *bylines["source_labels"],
        *bylines["agencies"],
        *(form for forms in bylines["agencies"].values() for form in forms),
        *(
            phrase
            for section in ("exact", "prefix", "tail", "contains", "inline_related", "widget")
            for phrases in chrome.get(section, {}).values()
            for phrase in phrases
        ),
    ]
    lines = (clean_text(form) for entry in entries for form in _printed_forms(entry))
    return tuple(dict.fromkeys(line for line in lines if line))


def _all_lines() -> tuple[str, ...]:
    return _corpus_lines() + _lexicon_lines()


def test_credit_gate_keeps_every_answer() -> None:
    """``read_credit_line`` (gated by the first words of labels and agency names) answers as
    ``parse_byline`` and ``is_source_label``, which read every line in full."""
    bylines = labels = 0
    for line in _all_lines():
        expected = (parse_byline(line), is_source_label(line))
        assert read_credit_line(line, fold(line), label_alone=True) == expected, line
        bylines += expected[0] is not None
        labels += expected[1]
    assert bylines >= 500, bylines
    assert labels >= 20, labels


@pytest.mark.parametrize(
    ("line", "authors", "source"),
    [
        ("بقلم: أحمد علي", ("أحمد علي",), None),  # an author label
        ("كتب:محمد خالد", ("محمد خالد",), None),  # glued to the name
        ("«بقلم» أحمد علي", ("أحمد علي",), None),  # punctuation around the label
        ("المصدر: رويترز", (), "رويترز"),  # a source label
        ("رويترز", (), "رويترز"),  # an agency alone
        ("- رويترز", (), "رويترز"),  # a dash before it: its first word is empty
        ("(عمان - بترا)", (), "بترا"),  # a dateline credit
    ],
)
def test_credit_gate_lets_credits_through(
    line: str, authors: tuple[str, ...], source: str | None
) -> None:
    byline, _ = read_credit_line(line, fold(line), label_alone=False)
    assert byline is not None
    assert (byline.authors, byline.source) == (authors, source)


@pytest.mark.parametrize(
    "line",
    [
        "سطر رقم 5",  # no label, no agency
        "قال رويترز",  # an agency, but not first
        "أحمد بقلم علي",  # a label, but not first
    ],
)
def test_credit_gate_stops_other_lines(line: str) -> None:
    assert read_credit_line(line, fold(line), label_alone=True) == (None, False)


def test_chrome_with_tail_read_first_keeps_every_answer() -> None:
    lexicon = chrome_lexicon()
    chrome = 0
    for line in _all_lines():
        key = match_key(line)
        expected = lexicon.is_chrome_key(key)
        assert lexicon.is_chrome_key(key, tail=lexicon.is_tail_marker_key(key)) == expected, line
        chrome += expected
    assert chrome >= 500, chrome


def _opens_clock_folded(text: str) -> bool:
    """``_may_open_clock`` as it was before its first-character look: always folded."""
    head = fold_with_map(text[:MAX_CLOCK_LINE_CHARS]).text.lstrip()
    if head[:1].isdigit():
        return True
    first = head[:1]
    return bool(first) and first in _clock_opener_letters() and split(head)[0] in _clock_openers()


def _bmp_characters() -> list[str]:
    return [chr(point) for point in range(0x10000) if not 0xD800 <= point < 0xE000]


def test_clock_opening_look_keeps_every_answer() -> None:
    """Every character of the BMP, alone and opening a clock line, and every corpus line."""
    texts = [
        *(text for char in _bmp_characters() for text in (char, f"{char}9:30", f"{char} 9:30")),
        *(f"{opener} 9:30" for opener in _clock_openers()),
        *_all_lines(),
    ]
    opened = 0
    for text in texts:
        expected = _opens_clock_folded(text)
        assert _may_open_clock(text) == expected, repr(text)
        opened += expected
    assert opened >= 1_000, opened


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("16:40", 16 * 60 + 40),
        ("٤:٠٥ م", 16 * 60 + 5),  # Arabic-Indic digits fold to ASCII
        ("\u064e16:40", 16 * 60 + 40),  # a mark before the hour vanishes
        (" 16:40", 16 * 60 + 40),
        ("오후 4:05", 16 * 60 + 5),  # a period before the hour
        ("16:40 وصل الوفد", None),  # more than a clock time
        ("الساعة", None),  # no digit
        ("س 16:40", None),  # a word before the hour that is no period
        ("16:40 " + "ا" * MAX_CLOCK_LINE_CHARS, None),  # longer than a clock line
    ],
)
def test_bare_clock(text: str, minutes: int | None) -> None:
    assert bare_clock(text) == minutes


_DIGIT_RUN = re.compile(r"\d+")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("٣/٤/٢٠٢٢", True),  # three numbers: maybe d/m/Y
        ("1a2b3", True),
        ("رقم 12 من 345 في 6", True),  # runs of several digits
        ("سطر رقم ٣ من 20", False),  # two numbers, no date word
        ("12345", False),  # one run
        ("12 345", False),
    ],
)
def test_three_numbers_gate(text: str, expected: bool) -> None:
    assert may_hold_date(text) == expected


def test_three_numbers_gate_counts_runs_of_digits() -> None:
    """``may_hold_date``'s three-number look (one regex) against counting the digit runs, on
    every corpus line and on every short string over digits of three scripts and separators:
    a text with three runs and no date word must pass, one with fewer must be read further."""
    alphabet = ["1", "٣", "۵", " ", "/", "x"]
    texts = [""]
    for _ in range(6):
        texts += [text + char for text in texts[-(len(alphabet) ** 5) :] for char in alphabet]
    for text in [*dict.fromkeys(texts), *_corpus_lines()]:
        if len(_DIGIT_RUN.findall(text)) >= 3:
            assert may_hold_date(text), text
        elif not re.search(r"[^\d\s/x]", text):  # nothing else in it could start a date
            assert not may_hold_date(text), text


def _stands_alone_in_full(line: str) -> bool:
    """``_stands_alone`` as it was: each reader folds and splits the line itself."""
    if chrome_lexicon().is_chrome(line) or parse_byline(line) is not None:
        return True
    words = len(re.findall(r"\w+", line))
    if words > MAX_DATE_LINE_UNITS:
        return False
    dates = find_dates(line)
    covered = sum(d.span[1] - d.span[0] for d in dates)
    return bool(dates) and min(1.0, covered / len(line)) >= DATE_LINE_COVERAGE


def test_stands_alone_folds_once_and_keeps_every_answer() -> None:
    alone = 0
    for line in _all_lines():
        expected = _stands_alone_in_full(line)
        assert _stands_alone(line) == expected, line
        alone += expected
    assert alone >= 500, alone


def _may_be_menu_in_full(key: str) -> bool:
    """``ChromeLexicon._may_be_menu`` as it was: every word counted."""
    lexicon = chrome_lexicon()
    words = key.split()
    known = sum(strip_non_word_edges(w) in lexicon.exact_words for w in words)
    return known >= MENU_LINE_COVERAGE * len(words)


def test_menu_bound_stops_early_and_keeps_every_answer() -> None:
    """The menu bound stops reading once the words left cannot reach the share: the same answer
    as counting every word, on every line and on runs of known and unknown words of every
    length up to the longest line it reads."""
    lexicon = chrome_lexicon()
    known, unknown = sorted(lexicon.exact_words)[0], "كلمةغريبة"
    runs = [
        " ".join([known] * k + [unknown] * (n - k))
        for n in range(1, MAX_CHROME_LINE_WORDS + 1)
        for k in range(n + 1)
    ]
    runs += [" ".join(reversed(run.split())) for run in runs]
    menus = 0
    for text in [*runs, *_all_lines()]:
        key = match_key(text)
        expected = _may_be_menu_in_full(key)
        assert lexicon._may_be_menu(key) == expected, text
        menus += expected
    assert menus >= 500, menus


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("أخبار رياضة اتصل بنا من نحن", True),  # a menu flattened onto one line
        ("قال الوزير اتصل بنا من نحن سياسة الخصوصية", True),  # 6 of 8 words are menu items
        ("قال الوزير إن الخطة ستستمر عاما آخر اتصل بنا", False),  # prose, then one menu item
    ],
)
def test_menu_line(line: str, chrome: bool) -> None:
    assert chrome_lexicon().is_chrome(line) == chrome
