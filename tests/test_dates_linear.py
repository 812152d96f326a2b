"""The date engine stays linear on hostile input (issue 7): ``find_dates`` over long runs of
digits, punctuation, month names, "منذ", … and ``parse_date`` on the same strings.

Each input is timed at size n and 4n in CPU time (``process_time``: other processes on a shared
machine do not count), best of several interleaved runs. A linear engine takes
~4× as long on 4× the input; the test fails only above MAX_GROWTH, which a quadratic engine
(16×) cannot pass.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from datetime import datetime

import pytest

from article_extract import find_dates, parse_date

REF = datetime(2022, 1, 6, 9, 30)
# 4× the input may take at most this many times as long: linear is ~4, quadratic ~16.
MAX_GROWTH = 8.0
# Characters of the smaller timed input; the larger is four times this.
SIZE = 10_000
# What users feed us: every hostile kind is also read once at this size.
LONG_LINE = 100_000
# Timed runs per size; the best one counts.
RUNS = 3

HOSTILE: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "7" * n,
    "spaced digits": lambda n: "7 " * (n // 2),
    "punctuation": lambda n: "/-.:،)(" * (n // 7),
    "digits and separators": lambda n: "1/2-3.4:" * (n // 8),
    "dotted numbers": lambda n: "12.42 " * (n // 6),
    "month names": lambda n: "يناير " * (n // 6),
    "منذ": lambda n: "منذ " * (n // 4),
    "deictic words between commas": lambda n: ("أمس" + " ،" * 20 + " ") * (n // 45),
    "weekdays": lambda n: "الأحد الماضي، " * (n // 14),
    "stamps": lambda n: "الخميس 06 يناير 2022 - 10:30 م | " * (n // 33),
    "hijri and gregorian": lambda n: "1 رمضان 1445 هـ الموافق " * (n // 24),
    "harakat": lambda n: "مَ" * (n // 2),
    "tatweel": lambda n: " ـ" * (n // 2),
    "labels": lambda n: "نشر في: " * (n // 8),
    "zones": lambda n: "10:30 GMT+3 " * (n // 12),
    "han text": lambda n: "気象庁は地震があったと発表した。" * (n // 16),
    "unit-marked numbers": lambda n: "1月2日3時" * (n // 6),
    "unit-marked stamps": lambda n: "2025年1月13日（月）午後9時37分、" * (n // 22),
    "korean dots": lambda n: "2025. 1. 13. 오후 " * (n // 17),
    "counts before ago": lambda n: "3時間前 3시간 전 " * (n // 12),
    "weekday letters": lambda n: "(月)（日）" * (n // 6),
    "chinese numerals": lambda n: "一二三四五六七八九十〇" * (n // 11),
    "numeral near misses": lambda n: "二〇二四年十三月" * (n // 8),
}


def _seconds(call: Callable[[], object]) -> float:
    start = time.process_time()
    call()
    return time.process_time() - start


def _growth(call: Callable[[str], object], make: Callable[[int], str]) -> float:
    """Best time on 4n over best time on n, the runs interleaved so that a change of load
    hits both sizes. The objects alive before (pytest's, hypothesis's) are frozen out of the
    garbage collector meanwhile: a full collection over them costs the same at any size."""
    small, large = make(SIZE), make(4 * SIZE)
    call(make(100))  # first use builds the tables
    gc.collect()
    gc.freeze()
    try:
        runs = [(_seconds(lambda: call(small)), _seconds(lambda: call(large))) for _ in range(RUNS)]
    finally:
        gc.unfreeze()
    return min(r[1] for r in runs) / max(min(r[0] for r in runs), 1e-6)


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_find_dates_is_linear(kind: str) -> None:
    growth = _growth(lambda text: find_dates(text, reference=REF), HOSTILE[kind])
    assert growth < MAX_GROWTH, f"{kind}: 4× the input took {growth:.1f}× as long"


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_parse_date_reads_a_bounded_head(kind: str) -> None:
    def parse_many(text: str) -> None:
        for _ in range(20):  # one call is too short to time
            parse_date(text, reference=REF)

    growth = _growth(parse_many, HOSTILE[kind])
    assert growth < MAX_GROWTH, f"{kind}: 4× the input took {growth:.1f}× as long"


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hundred_kilobytes_of_each_kind(kind: str) -> None:
    text = HOSTILE[kind](LONG_LINE) + "\nالخميس 06 يناير 2022"
    found = find_dates(text, reference=REF)
    assert found[-1].isoformat() == "2022-01-06"
    assert found[-1].span[1] == len(text)


def test_a_one_megabyte_line() -> None:
    words = "قال المتحدث إن الاجتماع الذي عقد في المدينة ناقش 12 بندا من جدول الأعمال، "
    line = (words * (1_000_000 // len(words)))[:1_000_000] + " الخميس 06 يناير 2022"
    found = find_dates(line, reference=REF)
    assert [p.isoformat() for p in found] == ["2022-01-06"]
    assert line[found[0].span[0] : found[0].span[1]] == "الخميس 06 يناير 2022"
