"""Chinese, Japanese and Korean date stamps: unit-marked dates and times, periods written
before the time, weekdays after the date, era years, zones, relative forms.

Every case is written here, shaped like the stamps news pages print (asahi.com, yomiuri,
xinhuanet, naver …); the expected value is in the notation of tests/test_dates.py (ISO,
date-only when no clock time, seconds only when written, an offset only when a zone is stated).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from article_extract import find_dates, parse_date
from date_checks import check

# A reference the day after most stamps below, in the morning.
REF = datetime(2025, 1, 14, 9, 0)


JAPANESE = [
    ("2025年1月13日 21時37分", "2025-01-13T21:37"),  # asahi.com
    ("2025年1月13日\u300021時37分", "2025-01-13T21:37"),  # ideographic space
    ("2025年1月13日21時37分", "2025-01-13T21:37"),
    ("2025年1月13日（月）21時37分", "2025-01-13T21:37"),
    ("2025年1月13日(月) 21:37", "2025-01-13T21:37"),
    ("2025年1月13日（月曜日）", "2025-01-13"),
    ("2025年1月13日 月曜日", "2025-01-13"),
    ("2025年1月13日 午後9時37分", "2025-01-13T21:37"),
    ("2025年1月13日 午前9時5分", "2025-01-13T09:05"),
    ("2025年1月13日 午前0時5分", "2025-01-13T00:05"),
    ("2025年1月13日 午後0時30分", "2025-01-13T12:30"),  # 午後 counts 0-11: noon
    ("2025年1月13日 午後9:37", "2025-01-13T21:37"),
    ("2025年1月13日 21時", "2025-01-13T21:00"),
    ("2025年1月13日 21時半", "2025-01-13T21:30"),
    ("2025年1月13日21時37分15秒", "2025-01-13T21:37:15"),
    ("2025年01月13日 21:37:15", "2025-01-13T21:37:15"),
    ("２０２５年１月１３日\u3000２１時３７分", "2025-01-13T21:37"),  # full-width digits
    ("２０２５/０１/１３ ２１:３７", "2025-01-13T21:37"),
    ("2025/01/13 21:37", "2025-01-13T21:37"),  # yomiuri
    ("2025/01/13(月) 21:37 JST", "2025-01-13T21:37+09:00"),
    ("2025年1月13日 21時37分 JST", "2025-01-13T21:37+09:00"),
    ("日本時間2025年1月13日21時37分", "2025-01-13T21:37+09:00"),
    ("2025年1月", "2025-01"),
    ("令和7年1月13日", "2025-01-13"),
    ("令和元年5月1日", "2019-05-01"),
    ("平成31年4月30日", "2019-04-30"),
    ("昭和64年1月7日", "1989-01-07"),
    ("令和7年1月13日（月）午後9時37分", "2025-01-13T21:37"),
]

CHINESE = [
    ("2024年7月3日 18:24", "2024-07-03T18:24"),
    ("2024年07月03日 18:24", "2024-07-03T18:24"),
    ("2024-07-03 18:24", "2024-07-03T18:24"),
    ("2024-07-03 18:24:15", "2024-07-03T18:24:15"),
    ("2024/7/3 18:24", "2024-07-03T18:24"),
    ("2024年7月3日 下午3时30分", "2024-07-03T15:30"),
    ("2024年7月3日下午3:30", "2024-07-03T15:30"),
    ("2024年7月3日 上午10时05分", "2024-07-03T10:05"),
    ("2024年7月3日 晚上8点", "2024-07-03T20:00"),
    ("2024年7月3日 中午12点", "2024-07-03T12:00"),
    ("2024年7月3日 凌晨2点15分", "2024-07-03T02:15"),
    ("2024年7月3日 下午3点半", "2024-07-03T15:30"),
    ("2024年7月3日 18时24分", "2024-07-03T18:24"),
    ("2024年7月3日 星期三 18:24", "2024-07-03T18:24"),
    ("2024年7月3日 周三 上午10:05", "2024-07-03T10:05"),
    ("2024年7月3日（星期三）", "2024-07-03"),
    ("2024年7月3号", "2024-07-03"),
    ("北京时间2024年7月3日18时24分", "2024-07-03T18:24+08:00"),
    ("2024年7月3日 18:24（北京时间）", "2024-07-03T18:24+08:00"),
    ("2024年7月3日 18:24 北京時間", "2024-07-03T18:24+08:00"),
    ("民國113年7月3日", "2024-07-03"),
    ("民国113年7月3日 下午3:30", "2024-07-03T15:30"),
]

KOREAN = [
    ("2025년 1월 13일 21시 37분", "2025-01-13T21:37"),
    ("2025년1월13일 21시37분", "2025-01-13T21:37"),
    ("2025년 1월 13일 오후 9시 37분", "2025-01-13T21:37"),
    ("2025년 1월 13일 오전 9:05", "2025-01-13T09:05"),
    ("2025년 1월 13일 (월) 21:37 KST", "2025-01-13T21:37+09:00"),
    ("2025년 1월 13일 월요일", "2025-01-13"),
    ("2025년 1월 13일 21시 37분 15초", "2025-01-13T21:37:15"),
    ("2025.01.13 21:37", "2025-01-13T21:37"),
    ("2025.01.13. 오후 9:37", "2025-01-13T21:37"),  # naver
    ("2025. 1. 13. 21:37", "2025-01-13T21:37"),
    ("2025. 1. 13.(월) 오전 9:05", "2025-01-13T09:05"),
    ("2025.01.13.", "2025-01-13"),
    ("2025-01-13 21:37", "2025-01-13T21:37"),
    ("2025년 1월 13일 21:37 (한국시간)", "2025-01-13T21:37+09:00"),
]

LABELLED = [
    ("公開日時：2025年1月13日 21時37分", "2025-01-13T21:37", "published"),
    ("2025年1月14日 8時05分 更新", "2025-01-14T08:05", None),  # a label after says nothing
    ("更新日時 2025年1月14日 8時05分", "2025-01-14T08:05", "modified"),
    ("发布时间：2024-07-03 18:24", "2024-07-03T18:24", "published"),
    ("發佈時間：2024年7月3日 下午3:30", "2024-07-03T15:30", "published"),
    ("更新时间：2024-07-04 09:10", "2024-07-04T09:10", "modified"),
    ("입력 2025.01.13. 오후 9:37", "2025-01-13T21:37", "published"),
    ("입력2025.01.13. 오후 9:37", "2025-01-13T21:37", "published"),
    ("수정 2025.01.13. 오후 10:02", "2025-01-13T22:02", "modified"),
    ("기사입력 2025-01-13 21:37", "2025-01-13T21:37", "published"),
    ("최종수정 2025년 1월 14일 08시 05분", "2025-01-14T08:05", "modified"),
]

RELATIVE = [
    ("3時間前", "2025-01-14T06:00"),
    ("5分前", "2025-01-14T08:55"),
    ("1時間半前", "2025-01-14T07:30"),
    ("2日前", "2025-01-12"),
    ("1週間前", "2025-01-07"),
    ("3か月前", "2024-10-14"),
    ("3ヶ月前", "2024-10-14"),
    ("1年前", "2024-01-14"),
    ("3小时前", "2025-01-14T06:00"),
    ("3个小时前", "2025-01-14T06:00"),
    ("5分钟前", "2025-01-14T08:55"),
    ("30秒前", "2025-01-14T08:59:30"),
    ("2天前", "2025-01-12"),
    ("3周前", "2024-12-24"),
    ("3个月前", "2024-10-14"),
    ("2年以前", "2023-01-14"),
    ("3시간 전", "2025-01-14T06:00"),
    ("5분 전", "2025-01-14T08:55"),
    ("2일 전", "2025-01-12"),
    ("1주 전", "2025-01-07"),
    ("3개월 전", "2024-10-14"),
    ("1년 전", "2024-01-14"),
    ("昨日", "2025-01-13"),
    ("昨天", "2025-01-13"),
    ("어제", "2025-01-13"),
    ("今日", "2025-01-14"),
    ("今天", "2025-01-14"),
    ("오늘", "2025-01-14"),
    ("一昨日", "2025-01-12"),
    ("前天", "2025-01-12"),
    ("그저께", "2025-01-12"),
    ("刚刚", "2025-01-14T09:00"),
    ("방금", "2025-01-14T09:00"),
    ("昨日 21:37", "2025-01-13T21:37"),
    ("昨日 午後9時37分", "2025-01-13T21:37"),
    ("昨天 下午3点", "2025-01-13T15:00"),
    ("어제 오후 9:37", "2025-01-13T21:37"),
    ("更新 3時間前", "2025-01-14T06:00"),
]

NOT_DATES = [
    "2025年",  # a year alone
    "2025년",
    "1月分",  # "January's share": a month, no day, no year
    "1月",
    "13日",
    "令和7年",
    "平成32年1月1日",  # Heisei ended in its 31st year
    "2025年13月1日",
    "2025年2月30日",
    "3025年1月1日",  # no year a page carries, and its month and day are no yearless date
    "下午3时30分",  # a time alone is no date (like "12:30")
    "21時37分",
    "数時間前",  # some hours ago: nothing to compute with
    "3時間",  # a duration, not "ago"
    "今日は良い天気です",
    "前天他说",
    "価格は1月分で3000円",
    "十分",  # "enough": ten, then the minute unit
    "二〇二四年",
    "二〇二四年十三月一日",  # and "三月一日" inside it is no date either
    "七十月三日",
    "一二三年七月三日",  # a year is four numerals
    "五月三十二日",
    "三日間",  # three days
    "民國一百十三年七月三日",  # 百 (hundred) is not read
]

CHINESE_NUMERALS = [
    ("二〇二四年七月三日", "2024-07-03"),
    ("二〇二四年十二月三十一日", "2024-12-31"),
    ("二零二四年七月十日", "2024-07-10"),
    ("二○二四年十月二十日", "2024-10-20"),
    ("二〇二四年七月", "2024-07"),
    ("二〇二四年七月三日 下午3时", "2024-07-03T15:00"),
    ("令和七年一月十三日", "2025-01-13"),
    ("令和元年五月一日", "2019-05-01"),
]


@pytest.mark.parametrize(("text", "want"), JAPANESE)
def test_japanese(text: str, want: str) -> None:
    check(text, want)


@pytest.mark.parametrize(("text", "want"), CHINESE)
def test_chinese(text: str, want: str) -> None:
    check(text, want)


@pytest.mark.parametrize(("text", "want"), KOREAN)
def test_korean(text: str, want: str) -> None:
    check(text, want)


@pytest.mark.parametrize(("text", "want"), CHINESE_NUMERALS)
def test_chinese_numerals(text: str, want: str) -> None:
    check(text, want)
    assert [p.isoformat() for p in find_dates(f"記事\n{text}\n本文")] == [want]


def test_chinese_numerals_in_running_text_need_a_reference_without_a_year() -> None:
    line = "新华社北京七月三日电 国务院总理主持召开会议"
    assert find_dates(line) == []
    found = find_dates(line, reference=datetime(2024, 7, 10))
    assert [(p.isoformat(), p.matched) for p in found] == [("2024-07-03", "七月三日")]


@pytest.mark.parametrize(("text", "want", "role"), LABELLED)
def test_labels_give_roles(text: str, want: str, role: str | None) -> None:
    parsed = check(text, want)
    assert parsed is not None
    assert parsed.role == role


@pytest.mark.parametrize(("text", "want"), RELATIVE)
def test_relative_against_the_reference(text: str, want: str) -> None:
    parsed = check(text, want, REF)
    assert parsed is not None
    assert "relative" in parsed.flags
    assert parse_date(text) is None  # never "now" from the wall clock


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text: str) -> None:
    assert parse_date(text, reference=REF) is None
    assert find_dates(text, reference=REF) == []


@pytest.mark.parametrize(
    ("text", "want"), [*JAPANESE, *CHINESE, *KOREAN, *((t, w) for t, w, _ in LABELLED)]
)
def test_find_dates_reads_the_same_stamp_in_running_text(text: str, want: str) -> None:
    found = find_dates(f"記事\n{text}\n本文")
    assert [p.isoformat() for p in found] == [want]


def test_a_yearless_stamp_needs_a_reference() -> None:
    assert parse_date("1月13日 21時37分") is None
    parsed = check("1月13日 21時37分", "2025-01-13T21:37", REF)
    assert parsed is not None
    assert "year_inferred" in parsed.flags
    check("7月3号 下午3点半", "2024-07-03T15:30", datetime(2024, 7, 4))


def test_the_span_is_the_stamp_in_the_callers_text() -> None:
    text = "渡辺洋介 2025年1月13日 21時37分"
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.matched == "2025年1月13日 21時37分"
    line = "気象庁は2025年1月13日午後9時19分ごろ、日向灘で地震があったと発表した。"
    found = find_dates(line)
    assert [(p.isoformat(), p.matched) for p in found] == [
        ("2025-01-13T21:19", "2025年1月13日午後9時19分")
    ]


def test_a_day_without_its_month_is_no_date() -> None:
    """The asahi lead: "13日、午後9時19分ごろ" names a day and a time, no month: nothing."""
    lead = "気象庁は13日、午後9時19分ごろ、地震があったと発表した。"
    assert find_dates(lead, reference=REF) == []


def test_a_weekday_after_the_date_is_checked() -> None:
    parsed = parse_date("2025年1月13日（火）")
    assert parsed is not None
    assert "weekday_mismatch" in parsed.flags
    parsed = parse_date("2025年1月13日（月）")
    assert parsed is not None
    assert "weekday_mismatch" not in parsed.flags


def test_one_letter_weekdays_are_units_outside_parentheses() -> None:
    """A lone "月" is the month unit, Monday only in "（月）" after a date (the 14th is a
    Tuesday: read as a weekday, it would be flagged)."""
    parsed = check("2025年1月14日 月", "2025-01-14")
    assert parsed is not None
    assert parsed.matched == "2025年1月14日"
    assert not parsed.flags
    parsed = check("2025年1月14日（月）", "2025-01-14")
    assert parsed is not None
    assert parsed.flags == {"weekday_mismatch"}


def test_bare_relative_words_count_only_on_a_stamp_line() -> None:
    assert find_dates("昨日の会議で決まった", reference=REF) == []
    assert find_dates("他昨天说", reference=REF) == []
    assert [p.isoformat() for p in find_dates("記事\n昨日 21:37\n本文", reference=REF)] == [
        "2025-01-13T21:37"
    ]


def test_relative_counts_in_running_text() -> None:
    found = find_dates("東京で3時間前に発生した", reference=REF)
    assert [p.isoformat() for p in found] == ["2025-01-14T06:00"]


def test_several_stamps_on_one_line() -> None:
    found = find_dates("입력 2025.01.13. 오후 9:37 수정 2025.01.13. 오후 10:02")
    assert [(p.isoformat(), p.role) for p in found] == [
        ("2025-01-13T21:37", "published"),
        ("2025-01-13T22:02", "modified"),
    ]


def test_china_standard_time_is_not_read_from_cst() -> None:
    """CST stays US Central (dates_zones.toml); China only through "北京时间"."""
    check("2024-07-03 18:24 CST", "2024-07-03T18:24-06:00")
    check("2024-07-03 18:24 北京时间", "2024-07-03T18:24+08:00")
