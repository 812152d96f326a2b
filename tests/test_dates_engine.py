"""Engine properties: the fast path agrees with the grammar, imports stay lazy, any input is
safe, spans are sound, find_dates scales to whole pages, dateparser is only a checked fallback."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from article_extract import find_dates, parse_date
from article_extract._dates import bare_clock, label_start, labelled_clock
from article_extract._dates._engine import MAX_PARSE_CHARS, _best, _dates, _may_open_clock
from article_extract._dates._fast import fast_parse
from article_extract._dates._lexicon import spellings
from article_extract._dates._normalize import fold_with_map
from test_dates import (
    DOUBLE_FORMS,
    EGYPT_GULF,
    HIJRI,
    LABELLED,
    LEVANT,
    MAGHREB,
    NUMERIC,
    TIMES,
    ZONES,
)

REF = datetime(2022, 1, 6, 9, 30)

SHAPES = [row[0] for table in (EGYPT_GULF, LEVANT, MAGHREB, DOUBLE_FORMS, NUMERIC) for row in table]
SHAPES += [row[0] for table in (TIMES, ZONES, LABELLED, HIJRI) for row in table]
SHAPES += [
    "منذ 3 ساعات",
    "قبل  يومين",
    "منذ ساعة واحدة",
    "قبل 11 شهرا",
    "أمس",
    "اليوم السابق",
    "الآن",
    "منذ 3 ساعتين",
    "رمضان 2020",
    "31/02/2020",
    "12/25/2020",
    "الثلاثاء 05/04/2021",
    "الأحد 06 يناير 2022",
    "6 كانون الثاني/شباط 2022",
    "6 يناير) 2022",
    "6 يناير 2022 10:00 القاهرة",
    "6 يناير 2022 10:00 بتوقيت القاهرة",
    "6 يناير 2022 25:00",
    "5 جمادى الآخرة 1300",
]


@pytest.mark.parametrize("text", SHAPES)
def test_fast_path_agrees_with_the_grammar(text: str) -> None:
    fast = fast_parse(text, fold_with_map(text), REF)
    if fast is None:
        return  # not a fast shape: the grammar alone decides
    found = _dates(fold_with_map(text), REF)
    assert found, text
    assert _best(found) == fast


# The fast path reads folded text, as the grammar does: marks, tatweel, NBSP, direction marks
# and the digits of every script are no reason to leave it.
FOLDED_SHAPES = [
    "6\u00a0يناير 2022",
    "٦ يَنايِر ٢٠٢٢ - ١٠:٣٠ مساءً",
    "\u200f2022-01-06T10:30:00Z",
    "الخميس 6 رمضـان 1443",
    "مُنذ 3 ساعات",
]


@pytest.mark.parametrize("text", FOLDED_SHAPES)
def test_fast_path_reads_folded_text(text: str) -> None:
    fast = fast_parse(text, fold_with_map(text), REF)
    assert fast is not None, text
    assert _best(_dates(fold_with_map(text), REF)) == fast


def test_most_common_shapes_take_the_fast_path() -> None:
    hits = sum(fast_parse(t, fold_with_map(t), REF) is not None for t in SHAPES)
    assert hits > len(SHAPES) * 0.6


def test_import_does_not_pull_dateparser_or_hijridate() -> None:
    code = (
        "import sys, article_extract\n"
        "article_extract.parse_date('الخميس 06 يناير 2022 10:30 م')\n"
        "print('dateparser' in sys.modules, 'hijridate' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["False", "False"]


def test_fallback_is_flagged_and_checked() -> None:
    parsed = parse_date("2022 يناير 6")  # an order our grammar does not read
    assert parsed is not None
    assert parsed.isoformat() == "2022-01-06"
    assert "fallback" in parsed.flags
    # dateparser would answer these with invented parts or "now": we refuse.
    assert parse_date("© 2019") is None
    assert parse_date("يناير") is None
    assert parse_date("الخميس") is None


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("0123456789٠١٢٣٤٥٦٧٨٩/:-.، ـمهصيناريولبآذار\n")), max_size=80
    )
)
def test_any_input_is_safe_and_spans_are_sound(text: str) -> None:
    parsed = parse_date(text, reference=REF)
    if parsed is not None:
        start, end = parsed.span
        assert 0 <= start < end <= len(text)
        assert parsed.text == text
    previous_end = 0
    for found in find_dates(text, reference=REF):
        start, end = found.span
        assert previous_end <= start < end <= len(text)
        assert found.matched.strip() == found.matched
        previous_end = end


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_arbitrary_unicode_never_raises(text: str) -> None:
    parse_date(text)
    find_dates(text, reference=REF)


def test_parse_date_reads_only_the_head() -> None:
    text = "ن" * MAX_PARSE_CHARS + " 6 يناير 2022"
    assert parse_date(text) is None
    assert [p.isoformat() for p in find_dates(text)] == ["2022-01-06"]


def test_find_dates_on_a_whole_page() -> None:
    line = "الخميس 06 يناير 2022 - 10:30 م | هاتف 0100-123-4567 | 192.168.1.1 | نص 12 و 34\n"
    text = line * 5000  # ~450 KB, digits everywhere
    found = find_dates(text)
    assert len(found) == 5000
    assert all(p.isoformat() == "2022-01-06T22:30" for p in found)
    assert text[found[-1].span[0] : found[-1].span[1]] == "الخميس 06 يناير 2022 - 10:30 م"


def test_thread_safe_first_use() -> None:
    texts = ["الخميس 06 يناير 2022", "6 كانون الثاني/يناير 2022", "3 جمادى الآخرة 1443 هـ"]
    results: list[list[str | None]] = []

    def work() -> None:
        out = []
        for _ in range(50):
            for t in texts:
                p = parse_date(t)
                out.append(p.isoformat() if p else None)
        results.append(out)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    assert all(r == results[0] for r in results)
    assert results[0][:3] == ["2022-01-06", "2022-01-06", "2022-01-06"]


@pytest.mark.parametrize(
    ("hijri", "gregorian"),
    [
        ((1443, 6, 3), date(2022, 1, 6)),
        ((1445, 9, 1), date(2024, 3, 11)),
        ((1343, 1, 1), date(1924, 8, 1)),
        ((1500, 12, 30), date(2077, 11, 16)),
        ((1445, 1, 30), None),  # Muharram 1445 had 29 days
        ((1342, 12, 29), None),  # before the Umm al-Qura table
        ((1501, 1, 1), None),
        ((1445, 13, 1), None),
        ((1445, 1, 31), None),
    ],
)
def test_hijri_conversion_by_umm_al_qura(
    hijri: tuple[int, int, int], gregorian: date | None
) -> None:
    from article_extract._dates._calendars import from_hijri

    assert from_hijri(*hijri) == gregorian


def test_hijri_uses_only_hijridates_public_api() -> None:
    """hijridate's month table and helpers are private: a release may change them."""
    import ast
    import inspect

    from article_extract._dates import _calendars

    tree = ast.parse(inspect.getsource(_calendars))
    imported = {
        (node.module, alias.name)
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module and "hijri" in node.module
        for alias in node.names
    }
    assert imported == {("hijridate", "Hijri")}


def test_parsed_date_is_a_plain_frozen_dataclass() -> None:
    import dataclasses

    from article_extract import ParsedDate

    assert dataclasses.is_dataclass(ParsedDate)
    params = ParsedDate.__dataclass_params__  # type: ignore[attr-defined]
    assert params.frozen
    assert params.init
    assert params.eq
    # Generated by dataclasses (exec'd source), not written in _types.py.
    assert ParsedDate.__init__.__code__.co_filename == "<string>"
    parsed = ParsedDate(datetime(2022, 1, 6), "day", "6 يناير 2022", (0, 12))
    assert parsed.flags == frozenset()
    assert parsed.role is None
    assert parsed.calendar == "gregorian"
    copy = dataclasses.replace(parsed)
    assert copy == parsed
    assert hash(copy) == hash(parsed)
    assert dataclasses.replace(parsed, role="published").role == "published"
    with pytest.raises(dataclasses.FrozenInstanceError):
        parsed.role = "modified"  # type: ignore[misc]


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("اأب ة1٢-ـ\u064b\u064e\u0651\u200f\u00a0")), max_size=30)
)
def test_folded_spans_index_the_original(text: str) -> None:
    """Folded.span against the plain position map it replaces (one index per kept character)."""
    from article_extract._dates._normalize import (
        _DROP,
        _LONE_TATWEEL,
        _TABLE,
        _TRAILING_MARKS,
        _tatweel_to_dash,
        fold_with_map,
    )

    raw = _LONE_TATWEEL.sub(_tatweel_to_dash, text).translate(_TABLE)
    positions = [i for i, ch in enumerate(raw) if ch != _DROP]
    folded = fold_with_map(text)
    assert len(folded.text) == len(positions)
    for start in range(len(positions)):
        for end in range(start + 1, len(positions) + 1):
            b = positions[end - 1] + 1
            while b < len(text) and text[b] in _TRAILING_MARKS:
                b += 1
            assert folded.span(start, end) == (positions[start], b)


def test_tokens_take_their_kind_from_the_first_character() -> None:
    from article_extract._dates._tokens import NL, NUM, PUNCT, WORD, tokenize

    tokens = tokenize("يناير ²a 12\n/")
    assert [(t.kind, t.text) for t in tokens] == [
        (WORD, "يناير"),
        (PUNCT, "²a"),  # a word character, but no letter
        (NUM, "12"),
        (NL, "\n"),
        (PUNCT, "/"),
    ]


# --- the questions a line's layout asks of the grammar ---------------------------------------


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        pytest.param(
            "تغطية: مريم الشحي بدأت التغطية: الاثنين 12 فبراير 2024 - 06:00 صباحاً",
            "تغطية: مريم الشحي ",
            id="coverage-start-after-a-byline",
        ),
        pytest.param(
            "By Jane Doe · Posted: Aug 8, 2024 4:00 AM | Updated Aug 9, 2024",
            "By Jane Doe · ",
            id="posted-after-a-byline",
        ),
        pytest.param(
            "كتب - أحمد علي آخر تحديث: الأحد، 3 مارس 2024 - 10:15 م",
            "كتب - أحمد علي ",
            id="multi-word-label-starts-at-its-first-word",
        ),
        pytest.param("نشر في: 12 فبراير 2024", "", id="label-opens-the-text"),
        pytest.param("بقلم أحمد علي 12 فبراير 2024", None, id="no-label"),
        pytest.param(
            "نشر الوزير بيانا مطولا عن الوضع في المدينة الساحلية يوم 12 فبراير 2024",
            None,
            id="label-word-too-far-before-the-date",
        ),
    ],
)
def test_label_start(text: str, credit: str | None) -> None:
    dates = find_dates(text)
    labelled = next((d for d in dates if d.role is not None), dates[-1])
    start = label_start(text, labelled)
    assert (text[:start] if start is not None else None) == credit


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("16:40", 16 * 60 + 40),
        ("4:05 PM", 16 * 60 + 5),
        ("06:00 صباحاً", 6 * 60),
        ("١١:٤٥ م", 23 * 60 + 45),
        ("16.40 GMT", 16 * 60 + 40),
        ("10:30 بتوقيت مكة المكرمة", 10 * 60 + 30),
        ("16:40.", 16 * 60 + 40),
        ("16.40", None),  # a decimal number without a period or zone
        ("16:40 وصل الوفد إلى المطار", None),  # a sentence after the time
        ("آخر تحديث: 16:40", None),  # labelled: a status, not an entry stamp
        ("25:10", None),
        ("2024", None),
        ("3 Min", None),
        ("午後3時", 15 * 60),  # a period before the hour
        ("오후 9:37", 21 * 60 + 37),
        ("سطر رقم 5", None),  # neither an hour nor a period first: never tokenized
    ],
)
def test_bare_clock(text: str, minutes: int | None) -> None:
    assert bare_clock(text) == minutes


def test_every_period_that_opens_a_clock_time_passes_the_opening_check() -> None:
    for name in spellings("leading_meridiem"):
        assert _may_open_clock(f"{name} 9:37"), name
        assert _may_open_clock(f"{name}9時"), name


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("مباشر آخر تحديث: 16:40", 16 * 60 + 40),
        ("Last updated at 4:05 PM EDT", 16 * 60 + 5),
        ("Updated 16:40 GMT", 16 * 60 + 40),
        ("نشر في الساعة 10:30 صباحا", 10 * 60 + 30),
        ("16:40", None),  # no label
        ("آخر تحديث: 12 فبراير 2024", None),  # a day: a date stamp, read by find_dates
        ("آخر تحديث: 16:40 وصل الوفد", None),  # the time does not end the text
        ("Updated 4 minutes ago", None),
    ],
)
def test_labelled_clock(text: str, minutes: int | None) -> None:
    assert labelled_clock(text) == minutes
