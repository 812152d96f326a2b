"""Relative dates: resolved against the caller's reference only, never the wall clock.

Minute/hour/second steps keep the clock time; day/week/month/year steps give a date only;
months and years are calendar arithmetic (the day clamped, like dateutil's relativedelta).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from article_extract import find_dates, parse_date
from date_checks import expected

REF = datetime(2022, 1, 6, 9, 30, 0)
REF_SECONDS = datetime(2021, 9, 1, 10, 38, 4)

CASES = [
    ("منذ 3 ساعات", REF, "2022-01-06T06:30"),
    ("منذ ٣ ساعات", REF, "2022-01-06T06:30"),
    ("منذ ثلاث ساعات", REF, "2022-01-06T06:30"),
    ("قبل ساعة", REF, "2022-01-06T08:30"),
    ("منذ ساعة واحدة", REF, "2022-01-06T08:30"),
    ("منذ ساعتين", REF, "2022-01-06T07:30"),
    ("منذ حوالي ساعتين", REF, "2022-01-06T07:30"),
    ("قبل 30 دقيقة", REF_SECONDS, "2021-09-01T10:08"),
    ("منذ دقيقة", REF, "2022-01-06T09:29"),
    ("قبل دقيقتين", REF, "2022-01-06T09:28"),
    ("منذ 5 دقائق", REF, "2022-01-06T09:25"),
    ("منذ 10 ثوان", REF, "2022-01-06T09:29:50"),
    ("منذ ساعة و 20 دقيقة", REF, "2022-01-06T08:10"),
    ("منذ ساعة و20 دقيقة", REF, "2022-01-06T08:10"),
    ("منذ يوم", REF, "2022-01-05"),
    ("قبل  يومين", REF, "2022-01-04"),
    ("منذ 4 أيام", REF, "2022-01-02"),
    ("منذ 11 يوم", REF, "2021-12-26"),
    ("قبل 11 يوما", REF, "2021-12-26"),
    ("منذ أسبوع", REF, "2021-12-30"),
    ("قبل أسبوعين", REF, "2021-12-23"),
    ("منذ 3 أسابيع", REF, "2021-12-16"),
    ("منذ شهر", REF, "2021-12-06"),
    ("منذ شهرين", REF, "2021-11-06"),
    ("منذ 4 أشهر", REF, "2021-09-06"),
    ("قبل 11 شهرا", REF, "2021-02-06"),
    ("منذ 6 شهور", REF, "2021-07-06"),
    ("قبل شهر و 2 أسبوع", datetime(2016, 6, 28, 12), "2016-05-14"),
    ("منذ سنة", REF, "2021-01-06"),
    ("منذ عامين", REF, "2020-01-06"),
    ("منذ 3 أعوام", REF, "2019-01-06"),
    ("قبل 20 عاما", REF, "2002-01-06"),
    ("منذ 5 سنوات", REF, "2017-01-06"),
    # Calendar arithmetic clamps the day: one month before 31 March is 28/29 February.
    ("منذ شهر", datetime(2021, 3, 31, 8), "2021-02-28"),
    ("منذ سنة", datetime(2024, 2, 29, 8), "2023-02-28"),
    ("أمس", REF, "2022-01-05"),
    ("امس", REF, "2022-01-05"),
    ("الأمس", REF, "2022-01-05"),
    ("يوم أمس", REF, "2022-01-05"),
    ("البارحة", REF, "2022-01-05"),
    ("أول أمس", REF, "2022-01-04"),
    ("اليوم", REF, "2022-01-06"),
    ("اليوم السابق", REF, "2022-01-05"),
    ("العام السابق", REF, "2021-01-06"),
    ("العام الماضي", REF, "2021-01-06"),
    ("الشهر الماضي", REF, "2021-12-06"),
    ("الأسبوع الماضي", REF, "2021-12-30"),
    ("أمس على الساعة 12:00", REF, "2022-01-05T12:00"),
    ("أمس الساعة 10:30 مساءً", REF, "2022-01-05T22:30"),
    ("اليوم 14:30", REF, "2022-01-06T14:30"),
    ("الآن", REF, "2022-01-06T09:30"),
    ("منذ نصف ساعة", REF, "2022-01-06T09:00"),
    ("منذ أقل من دقيقة", REF, "2022-01-06T09:30"),
    ("منذ يوم واحد", REF, "2022-01-05"),
    ("منذ عام واحد", REF, "2021-01-06"),
    ("منذ يومان", REF, "2022-01-04"),
    ("منذ 11 يومًا", REF, "2021-12-26"),
    ("قبل يوم و 12 ساعة", REF, "2022-01-04T21:30"),
    ("أمس عند الساعة ١٢:٠٠", REF, "2022-01-05T12:00"),
    ("اليوم الساعة 3 عصرا", REF, "2022-01-06T15:00"),
    ("غداً عند الساعة 09:00", REF, "2022-01-07T09:00"),
    # A weekday with a time and nothing else is last week's stamp (REF is a Thursday).
    ("الأحد عند الساعة 12:00", REF, "2022-01-02T12:00"),
    ("الخميس على الساعة 10:00", REF, "2021-12-30T10:00"),
    ("الأحد الماضي", REF, "2022-01-02"),
    ("الخميس الماضي", REF, "2021-12-30"),
    ("قبل ساعة ونصف", REF, "2022-01-06T08:00"),
    ("منذ ساعتين ونصف", REF, "2022-01-06T07:00"),
    ("منذ ربع ساعة", REF, "2022-01-06T09:15"),
    ("آخر تحديث: منذ ساعتين", REF, "2022-01-06T07:30"),
    # Other languages: a count in digits and a unit, with the language's "ago" before or after.
    ("2 hours ago", REF, "2022-01-06T07:30"),
    ("Updated 1 hour ago", REF, "2022-01-06T08:30"),
    ("5 mins ago", REF, "2022-01-06T09:25"),
    ("3 days ago", REF, "2022-01-03"),
    ("2 weeks ago", REF, "2021-12-23"),
    ("il y a 3 jours", REF, "2022-01-03"),
    ("il y a 45 minutes", REF, "2022-01-06T08:45"),
    ("hace 2 horas", REF, "2022-01-06T07:30"),
    ("há 2 dias", REF, "2022-01-04"),
    ("vor 2 Stunden", REF, "2022-01-06T07:30"),
    ("vor 3 Tagen", REF, "2022-01-03"),
    ("2 ore fa", REF, "2022-01-06T07:30"),
    ("2 saat önce", REF, "2022-01-06T07:30"),
    ("3 gün önce", REF, "2022-01-03"),
    ("2 jam yang lalu", REF, "2022-01-06T07:30"),
    ("5 hari lalu", REF, "2022-01-01"),
    ("2 часа назад", REF, "2022-01-06T07:30"),
    ("5 дней назад", REF, "2022-01-01"),
    ("۲ ساعت پیش", REF, "2022-01-06T07:30"),
    ("3 روز پیش", REF, "2022-01-03"),
    ("2 دقیقه پیش", REF, "2022-01-06T09:28"),
]


@pytest.mark.parametrize(("text", "reference", "want"), CASES)
def test_relative(text: str, reference: datetime, want: str) -> None:
    parsed = parse_date(text, reference=reference)
    assert expected(parsed) == want, (text, parsed)
    assert parsed is not None
    assert "relative" in parsed.flags


@pytest.mark.parametrize("text", ["منذ 3 ساعات", "أمس", "اليوم", "منذ شهرين", "الآن"])
def test_without_reference_there_is_no_relative_date(text: str) -> None:
    assert parse_date(text) is None
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "منذ ساعات",
        "منذ أيام",
        "قبل 3 ساعتين",
        "منذ 1500 عام",
        "الأحد",
        "الأحد القادم",
        # Other languages' units count only after digits and with the language's "ago".
        "hours ago",
        "2 hours",
        "vor Stunden",
        "12 Stunden",
        "il y a quelques jours",
    ],
)
def test_vague_or_broken_counts_give_nothing(text: str) -> None:
    assert parse_date(text, reference=REF) is None


def test_a_month_abbreviation_that_is_also_ago_reads_as_the_month() -> None:
    # Spanish "ago" (agosto) after a day; English "ago" after a count and a unit.
    assert expected(parse_date("13 ago 2021", reference=REF)) == "2021-08-13"
    assert expected(parse_date("13 hours ago", reference=REF)) == "2022-01-05T20:30"


def test_before_a_month_name_is_an_absolute_date() -> None:
    parsed = parse_date("قبل 5 يونيو 2021", reference=REF)
    assert expected(parsed) == "2021-06-05"
    assert parsed is not None
    assert "relative" not in parsed.flags


def test_aware_reference_gives_aware_values() -> None:
    reference = datetime(2022, 1, 6, 9, 30, tzinfo=timezone(timedelta(hours=3)))
    parsed = parse_date("منذ 3 ساعات", reference=reference)
    assert parsed is not None
    assert parsed.value == datetime(2022, 1, 6, 6, 30, tzinfo=timezone(timedelta(hours=3)))
    assert not parsed.has_offset


def test_deictic_words_only_on_a_stamp_line() -> None:
    assert find_dates("يصادف اليوم ذكرى ميلاد الفنانة", reference=REF) == []
    assert find_dates("وقال في العام الماضي إن الأسعار", reference=REF) == []
    found = find_dates("الرئيسية\nآخر تحديث: أمس\nنص الخبر", reference=REF)
    assert [expected(p) for p in found] == ["2022-01-05"]
    assert found[0].role == "modified"


def test_counted_relative_inside_a_sentence_is_found_and_flagged() -> None:
    found = find_dates("أعلنت الوزارة منذ 3 أيام أن", reference=REF)
    assert [expected(p) for p in found] == ["2022-01-03"]
    assert "relative" in found[0].flags


@pytest.mark.parametrize("text", ["منذ 3 ساعات", "منذ 10 ثوان", "أمس", "منذ شهر"])
def test_values_keep_the_reference_type_tzinfo_and_fold(text: str) -> None:
    class Stamp(datetime):
        """A datetime subclass, as pandas' Timestamp is."""

    zone = timezone(timedelta(hours=3))
    for reference in (Stamp(2022, 1, 6, 9, 30, 45, 123), datetime(2022, 1, 6, 9, 30, fold=1)):
        reference = reference.replace(tzinfo=zone)
        parsed = parse_date(text, reference=reference)
        assert parsed is not None
        assert type(parsed.value) is type(reference)
        assert parsed.value.tzinfo is zone
        assert parsed.value.microsecond == 0
