"""The Arabic date engine: absolute dates by region, numerics, times, zones, labels, calendars.

Every case is written here (no corpus file is read): the expected value is what a reader of the
page would say, in the notation of ``date_checks.expected`` (ISO, date-only when no clock time,
seconds only when written, an offset only when the text states a zone).
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from article_extract import find_dates, parse_date
from date_checks import check, expected

EGYPT_GULF = [
    ("الخميس 06 يناير 2022", "2022-01-06"),
    ("24 إبريل 2021", "2021-04-24"),
    ("3 ابريل 2019", "2019-04-03"),
    ("11 أبريل 2018", "2018-04-11"),
    ("04 يونيه 2016", "2016-06-04"),
    ("9 يونية 2015", "2015-06-09"),
    ("06 يوليه 2021", "2021-07-06"),
    ("12 يولية 2012", "2012-07-12"),
    ("1 اغسطس 2023", "2023-08-01"),
    ("19 أغسطس 2023", "2023-08-19"),
    ("7 اكتوبر 2019", "2019-10-07"),
    ("الجمعه 5 يونيه 2020", "2020-06-05"),
    ("20 سبتمبر 2019م", "2019-09-20"),
    ("03 يونيو 2020 م", "2020-06-03"),
    ("ديسمبر 22, 2020", "2020-12-22"),
    ("مارس 9، 2017", "2017-03-09"),
    ("4 سبتمبر، 2018", "2018-09-04"),
    ("الاثنين، 9 يناير 2023", "2023-01-09"),
    ("الخميس، ١٧ نوفمبر، ٢٠١٦", "2016-11-17"),
    ("يوم السبت 15 فبراير 2020", "2020-02-15"),
    ("خميس 16 مايو 2019", "2019-05-16"),
    ("5 من ديسمبر 2019", "2019-12-05"),
]

LEVANT = [
    ("الأربعاء 27 كانون الأول 2017 05:30", "2017-12-27T05:30"),
    ("14 كانون الثاني 2020", "2020-01-14"),
    ("3 كانون ثاني 2021", "2021-01-03"),
    ("30 كانون اول 2019", "2019-12-30"),
    ("5 تشرين 2 2023", "2023-11-05"),
    ("5 تشرين 1 2023", "2023-10-05"),
    ("8 كانون 2 2018", "2018-01-08"),
    ("2 تشرين ثاني 2016", "2016-11-02"),
    ("19 شباط 2017", "2017-02-19"),
    ("25 اذار 2020", "2020-03-25"),
    ("15 آذار 2011", "2011-03-15"),
    ("11 نيسان 2019", "2019-04-11"),
    ("3 ايار 2021", "2021-05-03"),
    ("10 حزيران 2014", "2014-06-10"),
    ("الجمعة، 05 تموز 2024", "2024-07-05"),
    ("23 اب 2021", "2023-08-23".replace("2023", "2021")),
    ("6 آب 2024", "2024-08-06"),
    ("12 ايلول 2012", "2012-09-12"),
    ("28 تشرين الأول 2021", "2021-10-28"),
    ("12 تشري الأول 2020", "2020-10-12"),  # moment.js ar-ps prints October so
    ("1 تشرين الثاني 2022", "2022-11-01"),
]

MAGHREB = [
    ("14 جانفي 2021", "2021-01-14"),
    ("14 فيفري 2010", "2010-02-14"),
    ("2 أفريل 2022", "2022-04-02"),
    ("9 افريل 2022", "2022-04-09"),
    ("8 ماي 2019", "2019-05-08"),
    ("٣ جوان ٢٠١٩", "2019-06-03"),
    ("الأحد 26 جويلية 2026", "2026-07-26"),
    ("الأحد 23 أوت 2026", "2026-08-23"),
    ("19 اوت 2001", "2001-08-19"),
    ("23 جوان 2021 على الساعة 18:55", "2021-06-23T18:55"),
    ("الأحد, فيفري 14 2010, 3:25:50 pm", "2010-02-14T15:25:50"),
    # Morocco
    ("الجمعة 25 يوليوز 2025", "2025-07-25"),
    ("الاثنين 2 غشت 2021 - 07:31", "2021-08-02T07:31"),
    ("26 شتنبر 2022", "2022-09-26"),
    ("الخميس 13 نونبر 2025", "2025-11-13"),
    ("تأسست الجمعية بتاريخ 23 دجنبر 2024", "2024-12-23"),
    ("الخميس 20 أبريل 2017 | 05:17", "2017-04-20T05:17"),
    # Veh (ڤ, ڥ) for the /v/ of loanwords.
    ("12 نوڤمبر 2023", "2023-11-12"),
    ("أڤريل 12, 2023", "2023-04-12"),
    ("3 ڥيفري 2021", "2021-02-03"),
]

DOUBLE_FORMS = [
    ("6 كانون الثاني/يناير 2022", "2022-01-06"),
    ("7 نيسان/أبريل 2017", "2017-04-07"),
    ("الأربعاء 27 أبريل (نيسان) 2022", "2022-04-27"),
    ("السبت، 4 حزيران - يونيو 2022", "2022-06-04"),
    ("16 أغسطس/ آب 2025", "2025-08-16"),
    ("9 يناير/ كانون الثاني 2018", "2018-01-09"),
    ("21 مارس/ آذار 2019", "2019-03-21"),
    ("3 أيار (مايو) 2020", "2020-05-03"),
    ("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً", "2020-04-24T21:22"),
    ("الاثنين 30 كانون الأول/ديسمبر 2024 الساعة 01:27 بعد الظهر", "2024-12-30T13:27"),
]

NUMERIC = [
    ("19-06-2018 09:45", "2018-06-19T09:45"),
    ("14/02/2010", "2010-02-14"),
    ("14.05.2025, 20:28", "2025-05-14T20:28"),
    ("صدر في 16 /5 /1966", "1966-05-16"),
    ("القرار رقم 92 تاريخ 6 ـ 4 ـ 1959", "1959-04-06"),
    ("الاحد 26 / 04 / 2020", "2020-04-26"),
    ("الخميس 1 / 11 / 2018", "2018-11-01"),
    ("يوم الأحد 21-11-2010", "2010-11-21"),
    ("2024/09/14 18:45", "2024-09-14T18:45"),
    ("2020/12/25 - 1:59 صباحًا", "2020-12-25T01:59"),
    ("2017-04-15", "2017-04-15"),
    ("٢٠٢٢/١١/٢٢", "2022-11-22"),
    ("١٤/\u200f٢/\u200f٢٠١٠", "2010-02-14"),
    ("٠٢:٠٠ الثلاثاء ١ / ١٢ / ٢٠٢٠", "2020-12-01T02:00"),
    ("2026-01-08 | 12:42", "2026-01-08T12:42"),
    ("12/25/2020", "2020-12-25"),
]

TIMES = [
    ("الأحد، 23 أغسطس 2020 09:14 ص", "2020-08-23T09:14"),
    ("3 سبتمبر 2024 - 12:40 صباحاً", "2024-09-03T00:40"),
    ("الثلاثاء، 01 نوفمبر 2016 12:05 م", "2016-11-01T12:05"),
    ("08 أكتوبر 2020 08:15 م", "2020-10-08T20:15"),
    ("31 ديسمبر 2021 الساعة 1:54 ظهراً", "2021-12-31T13:54"),
    ("21 أكتوبر 2021 الساعة 11:07 ليلاً", "2021-10-21T23:07"),
    ("21 أكتوبر 2021 الساعة 2:07 ليلاً", "2021-10-21T02:07"),
    ("16 فبراير 2019 الساعة 4:41 عصراً", "2019-02-16T16:41"),
    ("16 فبراير 2019 الساعة 4:41 فجراً", "2019-02-16T04:41"),
    ("8 يناير، 2015، الساعة 10:01 صباحاً", "2015-01-08T10:01"),
    ("6 يناير، 2015، الساعة 05:16 مساءً", "2015-01-06T17:16"),
    ("الأحد 24 نوفمبر 2019 الساعة 11:39 صباحا", "2019-11-24T11:39"),
    ("5 مايو 2021 الساعة 5 مساءً", "2021-05-05T17:00"),
    ("الأحد، فبراير ١٤ ٢٠١٠، ٣:٢٥:٥٠ م", "2010-02-14T15:25:50"),
    ("أحد ١٤ فبراير ٢٠١٠ ١٥:٢٥", "2010-02-14T15:25"),
    ("25 ديسمبر 2020 | 2:01 ص", "2020-12-25T02:01"),
    ("نشر في: 05 نوفمبر ,2023: 12:40 م", "2023-11-05T12:40"),  # a colon glued to the year
]

ZONES = [
    ("الأحد 13 نوفمبر 2022 04:12 بتوقيت مكة المكرمة", "2022-11-13T04:12+03:00"),
    ("الاثنين 30 أغسطس 2021 21:53 توقيت الرياض", "2021-08-30T21:53+03:00"),
    ("1 مايو 2021 10:00 بتوقيت الدوحة", "2021-05-01T10:00+03:00"),
    ("الأربعاء 18 سبتمبر 2024 03:45 بتوقيت غرينتش", "2024-09-18T03:45+00:00"),
    ("18 سبتمبر 2024 03:45 بتوقيت جرينتش", "2024-09-18T03:45+00:00"),
    ("18 سبتمبر 2024 - 03:45 ت غ", "2024-09-18T03:45+00:00"),
    ("16 مارس 2022 - 02:45 مساءً بتوقيت الإمارات", "2022-03-16T14:45+04:00"),
    ("18 يوليو 2019 - 04:15 صباحاً UTC+2", "2019-07-18T04:15+02:00"),
    ("28 آب 2013، آخر تحديث 14:00 (GMT+0400)", "2013-08-28T14:00+04:00"),
    ("28 آب 2013 14:00 (GMT+03:00)", "2013-08-28T14:00+03:00"),
    ("28 آب 2013 14:00 GMT+3", "2013-08-28T14:00+03:00"),
    # Summer time from the tz database: the same city, two offsets.
    ("15 يوليو 2020 الساعة 00:36 بتوقيت بيروت", "2020-07-15T00:36+03:00"),
    ("15 يناير 2022 الساعة 15:11 بتوقيت بيروت", "2022-01-15T15:11+02:00"),
    ("15 يناير 2020 الساعة 06:39 بتوقيت القدس", "2020-01-15T06:39+02:00"),
    ("15 يوليو 2019 الساعة 08:45 بتوقيت القدس", "2019-07-15T08:45+03:00"),
    ("10 يناير 2021 09:00 بتوقيت القاهرة", "2021-01-10T09:00+02:00"),
    ("10 يناير 2021 09:00 بتوقيت دمشق", "2021-01-10T09:00+02:00"),
    ("10 يوليو 2021 09:00 بتوقيت دمشق", "2021-07-10T09:00+03:00"),
    # Ambiguous zone names are not guessed: Amman or Oman.
    ("10 يناير 2021 09:00 بتوقيت عمان", "2021-01-10T09:00"),
    # A city before the date is a dateline, not a zone.
    ("القاهرة - الخميس 28 يوليو 2022", "2022-07-28"),
]

LABELLED = [
    ("نُشر في 21 آذار 2021", "2021-03-21", "published"),
    ("نشر في: 27 ديسمبر 2021 - 12:33 ص", "2021-12-27T00:33", "published"),
    ("تاريخ النشر: 2023-12-05", "2023-12-05", "published"),
    ("تم النشر: 5 مارس 2020", "2020-03-05", "published"),
    ("تاريخ الإضافة: 9 مايو 2020", "2020-05-09", "published"),
    ("آخر تحديث: الخميس 14 مايو 2020 - 12:32", "2020-05-14T12:32", "modified"),
    ("محدث الثلاثاء 14 يناير 2020 10:47 م", "2020-01-14T22:47", "modified"),
    ("حُدّث في 18 يوليو 2024 الساعة 18:42 بتوقيت مكة المكرمة", "2024-07-18T18:42+03:00", "modified"),
    ("بواسطة محمد علي - 22 يونيو 2018", "2018-06-22", None),
    ("القاهرة: الأربعاء، 07 أكتوبر 2020 12:19 م", "2020-10-07T12:19", None),
    ("المؤرّخ في 28 جويلية 2026", "2026-07-28", None),
    ("Updated: 5 March 2021 10:00", "2021-03-05T10:00", "modified"),
]

HIJRI = [
    ("الثلاثاء، 29 جمادى الآخرة 1443 هـ", "2022-02-01"),
    ("3 جمادى الآخرة 1443 هـ", "2022-01-06"),
    ("3 جمادى الثانية 1443", "2022-01-06"),
    ("٦ جمادى الأولى ١٤٣٩ هـ", "2018-01-23"),
    ("۱۳ شعبان ۱۴۴۱", "2020-04-06"),
    ("11 شوال 1441هـ", "2020-06-03"),
    ("1 رمضـان 1429", "2008-09-01"),
    ("1 شوّال 1445", "2024-04-10"),
    ("1 المحرم 1446", "2024-07-07"),
    ("20 محرم 1444 هـ", "2022-08-18"),
    ("26 من رمضان 1438 للهجرة", "2017-06-21"),
    ("5 ذو القعدة 1440", "2019-07-08"),
    ("5 ذي القعدة 1440", "2019-07-08"),
    ("10 ذو الحجة 1444", "2023-06-28"),
    ("10 ذي الحجة 1444", "2023-06-28"),
    ("10 ذوالحجه 1444", "2023-06-28"),
    ("1 ربيع الآخر 1445", "2023-10-16"),
    ("1 ربيع الثاني 1445", "2023-10-16"),
    ("26/12/1444 هـ", "2023-07-14"),
    ("1437/3/26هـ", "2016-01-06"),
    ("04-03-1433 هـ, 10:08 مساءً", "2012-01-27T22:08"),
    ("١٣ شعبان ١٤٤١ هـ، ٠٣:١٢ صباحاً", "2020-04-06T03:12"),
]

MIXED = [
    ("الأحد 4 جمادى الآخرة 1442هـ الموافق 17 يناير 2021م", "2021-01-17"),
    ("الثلاثاء ١٣ أغسطس ٢٠٢٤ م - ٩ صفر ١٤٤٦ هـ", "2024-08-13"),
    ("دمشق في 19/7/1427 هجري الموافق 13/8/2006 ميلادي", "2006-08-13"),
    ("13 أكتوبر 2017م الموافق 23 محرم 1439هـ", "2017-10-13"),
    ("الصادر في 5 ذي الحجة 1435 (30 شتنبر 2014)", "2014-09-30"),
    ("دمشق في 22/2/1428هـ الموافق لـ12/3/2007م", "2007-03-12"),
    # Local sighting one day after Umm al-Qura: the Gregorian part is what the page means.
    ("الجمعة 3 رمضان 1444 هـ - 24 مارس 2023", "2023-03-24"),
]

SOLAR_HIJRI = [
    ("۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵", "2020-02-18T06:55"),
    ("سه‌شنبه ۲۹ بهمن ۱۳۹۸", "2020-02-18"),
    ("1 فروردین 1403", "2024-03-20"),
]

MORE_FORMS = [
    ("يوم الخميس الموافق 6 يناير 2022", "2022-01-06"),
    ("في 6 يناير سنة 2022", "2022-01-06"),
    ("6 يناير عام 2022", "2022-01-06"),
    ("06/يناير/2022", "2022-01-06"),
    ("الأول من يناير 2022", "2022-01-01"),
    ("الحادي والعشرين من مارس 2021", "2021-03-21"),
    ("الحادي و العشرين من مارس 2021", "2021-03-21"),
    ("غرة رمضان 1445", "2024-03-11"),
    ("5 ت2 2023", "2023-11-05"),
    ("5 ك1 2023", "2023-12-05"),
    ("6 يناير 2022 10.30 صباحا", "2022-01-06T10:30"),
    ("10:30 ص - الخميس 6 يناير 2022", "2022-01-06T10:30"),
    ("الساعة 10:30 صباحاً بتوقيت مكة المكرمة، الخميس 6 يناير 2022", "2022-01-06T10:30+03:00"),
    ("الخميس 6 يناير 2022 الساعة 10:30 صباحاً (بتوقيت مكة)", "2022-01-06T10:30+03:00"),
    ("الخميس 6 يناير 2022 10:30 بالتوقيت المحلي", "2022-01-06T10:30"),
    ("6 يناير 2022 14:00 غرينتش+2", "2022-01-06T14:00+02:00"),
    ("Dec 25, 2020", "2020-12-25"),
    ("25 December 2020", "2020-12-25"),
    ("12 mars 2021 à 10h30", "2021-03-12T10:30"),
    # A day range: its first day, flagged.
    ("6 و 7 يناير 2022", "2022-01-06"),
    ("من 1 إلى 3 يونيو 2020", "2020-06-01"),
    # A yearless day takes the year of the full date right after it.
    ("من 28 فبراير إلى 3 مارس 2020", "2020-02-28"),
    ("28 ديسمبر - 3 يناير 2021", "2020-12-28"),
]

ISO_AND_METADATA = [
    ("2020-12-24T23:59:50+00:00", "2020-12-24T23:59:50+00:00"),
    ("2025-05-14T20:28:12.467+03:00", "2025-05-14T20:28:12+03:00"),
    ("2020-12-01 02:00:00", "2020-12-01T02:00:00"),
    ("2024-02-24T11:42:23Z", "2024-02-24T11:42:23+00:00"),
    ("2025-02-18T06:35+0300", "2025-02-18T06:35+03:00"),
    ("Wed, 07 Oct 2020 12:19:00 GMT", "2020-10-07T12:19:00+00:00"),
    ("Thu, 06 Jan 2022 08:00:00 +0200", "2022-01-06T08:00:00+02:00"),
    ("  2020-11-09  ", "2020-11-09"),
]

NOT_DATES = [
    "© 2019",
    "انتخابات النواب 2020",
    "حصيلة 4774 إصابة جديدة و 42 وفاة",
    "رمضان 2020",
    "31/02/2020",
    "30 فبراير 2021",
    "32 يناير 2020",
    "2020",
    "",
    "   ",
    "الرئيسية",
    "192.168.1.1",
    "12:30",
    "الهاتف 0100-123-4567",
    "14/02/10",
    "منذ ساعات",
    "1 رمضان 1300",
    "4 th",  # a suffix apart from its number
]


@pytest.mark.parametrize(("text", "want"), EGYPT_GULF)
def test_egypt_gulf(text: str, want: str) -> None:
    check(text, want)


@pytest.mark.parametrize(("text", "want"), LEVANT)
def test_levant(text: str, want: str) -> None:
    check(text, want)


@pytest.mark.parametrize(("text", "want"), MAGHREB)
def test_maghreb(text: str, want: str) -> None:
    check(text, want)


@pytest.mark.parametrize(("text", "want"), DOUBLE_FORMS)
def test_double_forms(text: str, want: str) -> None:
    check(text, want)


@pytest.mark.parametrize(("text", "want"), NUMERIC)
def test_numeric(text: str, want: str) -> None:
    check(text, want)


@pytest.mark.parametrize(("text", "want"), TIMES)
def test_times(text: str, want: str) -> None:
    check(text, want)


@pytest.mark.parametrize(("text", "want"), ZONES)
def test_zones(text: str, want: str) -> None:
    parsed = check(text, want)
    assert parsed is not None
    assert parsed.has_offset == ("+" in want[10:] or "-" in want[10:])


@pytest.mark.parametrize(("text", "want", "role"), LABELLED)
def test_labels_give_roles(text: str, want: str, role: str | None) -> None:
    parsed = check(text, want)
    assert parsed is not None
    assert parsed.role == role


@pytest.mark.parametrize(("text", "want"), HIJRI)
def test_hijri_by_umm_al_qura(text: str, want: str) -> None:
    parsed = check(text, want)
    assert parsed is not None
    assert parsed.calendar == "hijri"


@pytest.mark.parametrize(("text", "want"), MIXED)
def test_mixed_lines_take_the_gregorian_part(text: str, want: str) -> None:
    parsed = check(text, want)
    assert parsed is not None
    assert parsed.calendar == "gregorian"
    assert "mixed_calendar" in parsed.flags


@pytest.mark.parametrize(("text", "want"), SOLAR_HIJRI)
def test_solar_hijri(text: str, want: str) -> None:
    parsed = check(text, want)
    assert parsed is not None
    assert parsed.calendar == "solar_hijri"


@pytest.mark.parametrize(("text", "want"), MORE_FORMS)
def test_more_forms(text: str, want: str) -> None:
    check(text, want)


@pytest.mark.parametrize(
    ("text", "flag"),
    [
        ("6 و 7 يناير 2022", "date_range"),
        ("من 28 فبراير إلى 3 مارس 2020", "year_from_context"),
        ("3 جمادى الآخرة 1443 هـ | الأحد 17 يناير 2021 | نص", "mixed_calendar"),
    ],
)
def test_context_readings_are_flagged(text: str, flag: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert flag in parsed.flags


@pytest.mark.parametrize(("text", "want"), ISO_AND_METADATA)
def test_iso_and_metadata(text: str, want: str) -> None:
    check(text, want)


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date_is_none(text: str) -> None:
    assert parse_date(text) is None


def test_sighting_disagreement_is_flagged() -> None:
    parsed = parse_date("الجمعة 3 رمضان 1444 هـ - 24 مارس 2023")
    assert parsed is not None
    assert "calendar_disagreement" in parsed.flags


def test_numeric_hijri_without_marker_is_flagged() -> None:
    parsed = check("11/01/1440", "2018-09-21")
    assert parsed is not None
    assert parsed.calendar == "hijri"
    assert "hijri_assumed" in parsed.flags


@pytest.mark.parametrize(
    ("text", "want", "flag"),
    [
        ("05/04/2021", "2021-04-05", "day_first_assumed"),
        ("12/25/2020", "2020-12-25", "month_first"),
        # 2021-05-04 was a Tuesday, 2021-04-05 a Monday: the weekday settles the order.
        ("الثلاثاء 05/04/2021", "2021-05-04", "month_first_by_weekday"),
        ("الأحد 06 يناير 2022", "2022-01-06", "weekday_mismatch"),
    ],
)
def test_guesses_are_flagged(text: str, want: str, flag: str) -> None:
    parsed = check(text, want)
    assert parsed is not None
    assert flag in parsed.flags


def test_a_matching_weekday_confirms_day_first() -> None:
    parsed = check("الاحد 12 / 04 / 2020 21:29", "2020-04-12T21:29")  # a Sunday; 4 Dec was not
    assert parsed is not None
    assert not parsed.flags


def test_unambiguous_numeric_has_no_guess_flag() -> None:
    parsed = check("25/04/2021", "2021-04-25")
    assert parsed is not None
    assert not parsed.flags


def test_span_and_matched_index_the_callers_text() -> None:
    text = "\u200fنُشر في:\u00a0الخميس 06 يناير 2022 - 10:30 مساءً\u200f"
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.text == text
    assert parsed.matched == "الخميس 06 يناير 2022 - 10:30 مساءً"
    assert parsed.role == "published"


def test_naive_unless_zone_stated_and_default_tz_attaches() -> None:
    parsed = parse_date("06 يناير 2022 10:30")
    assert parsed is not None
    assert parsed.value.tzinfo is None
    tz = timezone(timedelta(hours=1))
    attached = parse_date("06 يناير 2022 10:30", default_tz=tz)
    assert attached is not None
    assert attached.value == datetime(2022, 1, 6, 10, 30, tzinfo=tz)
    assert not attached.has_offset
    stated = parse_date("06 يناير 2022 10:30 بتوقيت مكة", default_tz=tz)
    assert stated is not None
    assert stated.value.utcoffset() == timedelta(hours=3)


def test_precision() -> None:
    cases = {
        "06 يناير 2022": "day",
        "06 يناير 2022 10:30": "minute",
        "06 يناير 2022 10:30:15": "second",
        "يناير 2022": "month",
        "06 يناير 2022 الساعة 5 مساء": "hour",
    }
    for text, precision in cases.items():
        parsed = parse_date(text)
        assert parsed is not None, text
        assert parsed.precision == precision, text


def test_find_dates_in_running_text() -> None:
    text = "في 29 يوليو 1938 غزت القوات اليابانية، ثم انسحبت في 11 أغسطس 1938."
    found = find_dates(text)
    assert [expected(p) for p in found] == ["1938-07-29", "1938-08-11"]
    assert [p.matched for p in found] == ["29 يوليو 1938", "11 أغسطس 1938"]


def test_find_dates_spans_across_lines() -> None:
    text = "الرئيسية\n\nعنوان الخبر\n\nالخميس 06 يناير 2022\n\nالنص عام 1991 و 2019."
    found = find_dates(text)
    assert len(found) == 1
    assert found[0].matched == "الخميس 06 يناير 2022"
    start, end = found[0].span
    assert text[start:end] == "الخميس 06 يناير 2022"


def test_find_dates_dateline_and_agency() -> None:
    found = find_dates("الرباط - (ومع: 12 يناير 2022) - أعلن الوزير …")
    assert [expected(p) for p in found] == ["2022-01-12"]
    assert find_dates("القطع الدوري للكهرباء اليوم26 جويلية 2026")[0].matched == "26 جويلية 2026"


def test_find_dates_fast_reject() -> None:
    assert find_dates("نص بلا أرقام ولا تواريخ") == []
    assert find_dates("") == []


def test_before_june_fifth_is_not_a_relative_date() -> None:
    parsed = parse_date("الانتخابات قبل 5 يونيو 2024")
    assert parsed is not None
    assert expected(parsed) == "2024-06-05"
    assert "relative" not in parsed.flags


def test_year_inferred_only_with_reference() -> None:
    assert parse_date("5 يونيو") is None
    parsed = parse_date("5 يونيو", reference=datetime(2022, 5, 1))
    assert parsed is not None
    assert expected(parsed) == "2022-06-05"
    assert "year_inferred" in parsed.flags


# --- zones and times printed in text (any language) --------------------------------------

ZONES_IN_TEXT = [
    ("Aug 08, 2024 4:00 AM EDT", "2024-08-08T04:00-04:00"),
    ("Jan 5, 2024 9:15 PM EST", "2024-01-05T21:15-05:00"),
    ("6 July 2022 10:00 PDT", "2022-07-06T10:00-07:00"),
    ("6 يناير 2022 10:00 PST", "2022-01-06T10:00-08:00"),
    ("15 oct 2024 - 17:38 CEST", "2024-10-15T17:38+02:00"),
    ("14 мая 2025, 20:28 MSK", "2025-05-14T20:28+03:00"),
    ("6 يناير 2022 10:00 KSA", "2022-01-06T10:00+03:00"),
    ("6 يناير 2022 10:00 AST", "2022-01-06T10:00+03:00"),  # Arabia, not Atlantic
    ("6 يناير 2022 10:00 GST", "2022-01-06T10:00+04:00"),  # Gulf
    ("6 يناير 2022 10:00 ص بتوقيت KSA", "2022-01-06T10:00+03:00"),
    ("Selasa, 20 Januari 2026 18:33 WIB", "2026-01-20T18:33+07:00"),
    ("6 يناير 2022 10:00 GMT+3", "2022-01-06T10:00+03:00"),
    ("6 يناير 2022 10:00 UTC+2", "2022-01-06T10:00+02:00"),
    ("6 يناير 2022 10:00 UTC-05:00", "2022-01-06T10:00-05:00"),
    ("6 يناير 2022 10:00 بتوقيت مكة", "2022-01-06T10:00+03:00"),
    # Cairo: summer time from the tz database, with or without the preposition.
    ("10 يناير 2024 09:00 توقيت القاهرة", "2024-01-10T09:00+02:00"),
    ("10 يوليو 2024 09:00 توقيت القاهرة", "2024-07-10T09:00+03:00"),
    ("10 يوليو 2024 09:00 بتوقيت القاهرة", "2024-07-10T09:00+03:00"),
    # IST is India, Israel or Ireland: not guessed.
    ("6 يناير 2022 10:00 IST", "2022-01-06T10:00"),
]

DOT_TIMES = [
    ("Sat 24 Feb 2024 12.42 CET", "2024-02-24T12:42+01:00"),
    ("Sat 24 Feb 2024 12.42", "2024-02-24T12:42"),
    ("28.04.2023, 20.15 Uhr", "2023-04-28T20:15"),
    ("6 يناير 2022 - 10.30", "2022-01-06T10:30"),
    ("6 يناير 2022 - 10.30 | القاهرة", "2022-01-06T10:30"),
    ("Diperbarui 20 Jan 2026, 18.33 WIB", "2026-01-20T18:33+07:00"),
    ("28.04.2023, 20 Uhr", "2023-04-28T20:00"),
    # Decimals are not times: a word, a percent sign or a one-digit fraction follows.
    ("6 يناير 2022، 12.50 مليون دولار", "2022-01-06"),
    ("6 يناير 2022 12.50%", "2022-01-06"),
    ("6 يناير 2022 - 12.5", "2022-01-06"),
    ("6 يناير 2022 - 12.42.5", "2022-01-06"),
]

STAMPS_IN_OTHER_LANGUAGES = [
    ("Posted: Aug 08, 2024 4:00 AM EDT", "2024-08-08T04:00-04:00", "published"),
    ("Aug. 8, 2024", "2024-08-08", None),
    ("Publié le 30 août 2023 à 14h52", "2023-08-30T14:52", "published"),
    ("modifié le 30 août 2023 à 15h54", "2023-08-30T15:54", "modified"),
    ("Actualizado: 15 oct 2024 - 17:38 CEST", "2024-10-15T17:38+02:00", "modified"),
    ("Giriş: 03.07.2024 - 18:24", "2024-07-03T18:24", "published"),
    ("Güncelleme: 3 Temmuz 2024 Çarşamba 18:57", "2024-07-03", "modified"),
    ("28. April 2023 um 20:15 Uhr", "2023-04-28T20:15", None),
    ("Aktualisiert am 28. April 2023, 20.15 Uhr", "2023-04-28T20:15", "modified"),
    ("14 мая 2025 г.", "2025-05-14", None),
    ("Обновлено 14 мая 2025 в 20:28", "2025-05-14T20:28", "modified"),
    ("Diterbitkan Selasa, 20 Januari 2026 | 18:33 WIB", "2026-01-20T18:33+07:00", "published"),
    ("۲۹ بهمن ۱۳۹۸ - ۰۶:۵۵", "2020-02-18T06:55", None),
    # Ordinal suffixes glued to the day: the day, not the month alone.
    ("4th November 2023", "2023-11-04", None),
    ("Published: November 21st, 2023", "2023-11-21", "published"),
    ("Saturday, Nov 2nd 2023 10:30 am", "2023-11-02T10:30", None),
    ("the 23rd of October 2023", "2023-10-23", None),
    ("Publié le 1er novembre 2023 à 10h30", "2023-11-01T10:30", "published"),
]


@pytest.mark.parametrize(("text", "want"), ZONES_IN_TEXT)
def test_zones_printed_in_text(text: str, want: str) -> None:
    parsed = check(text, want)
    assert parsed is not None
    assert parsed.has_offset == (len(want) > 16)
    assert [p.isoformat() for p in find_dates(f"نص\n{text}\nنص")] == [want]


@pytest.mark.parametrize(("text", "want"), DOT_TIMES)
def test_times_written_with_a_dot(text: str, want: str) -> None:
    check(text, want)
    assert [p.isoformat() for p in find_dates(text)] == [want]


def test_a_dot_time_ends_where_the_next_label_starts() -> None:
    found = find_dates("15 oct 2024 - 08.22 Actualizado: 15 oct 2024 - 17.38 CEST")
    assert [(p.isoformat(), p.role) for p in found] == [
        ("2024-10-15T08:22", None),
        ("2024-10-15T17:38+02:00", "modified"),
    ]


def test_a_dot_number_is_a_time_only_after_a_date() -> None:
    assert find_dates("ارتفع المؤشر 12.42 نقطة") == []
    assert parse_date("12.42 CET") is None


@pytest.mark.parametrize(("text", "want", "role"), STAMPS_IN_OTHER_LANGUAGES)
def test_stamps_in_other_languages(text: str, want: str, role: str | None) -> None:
    parsed = check(text, want)
    assert parsed is not None
    assert parsed.role == role


# --- Hijri month spellings: every stem × article × ordinal, and the folded variants ---------

_FIRST = ["الأول", "أول", "الأولى", "أولى"]
_SECOND = ["الآخر", "آخر", "الآخرة", "آخرة", "الثاني", "ثاني", "الثانية", "ثانية", "الأخيرة"]
_SECOND += ["الأخرى"]
HIJRI_SPELLINGS = (
    [(f"ربيع {q}", 3) for q in ["الأول", "أول", "الأولى"]]
    + [(f"ربيع {q}", 4) for q in ["الآخر", "آخر", "الآخرة", "آخرة", "الثاني", "ثاني", "الأخير"]]
    + [(f"{stem} {q}", 5) for stem in ["جمادى", "جماد"] for q in _FIRST]
    + [(f"{stem} {q}", 6) for stem in ["جمادى", "جماد"] for q in _SECOND]
    + [(name, 1) for name in ["محرم", "المحرم", "محرم الحرام"]]
    + [(name, 2) for name in ["صفر", "صفر الخير"]]
    + [(name, 9) for name in ["رمضان", "رمضان المبارك", "رمضان الكريم"]]
    + [(name, 8) for name in ["شعبان", "شعبان المعظم"]]
    + [(f"{d} {n}", 11) for d in ["ذو", "ذي", "ذا"] for n in ["القعدة"]]
    + [(f"{d} {n}", 12) for d in ["ذو", "ذي", "ذا"] for n in ["الحجة"]]
)
# How pages write the same letters: hamza-less alef, ى as ي, ة as ه.
_UNMARKED = str.maketrans({"أ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


@pytest.mark.parametrize(("name", "month"), HIJRI_SPELLINGS)
def test_hijri_month_spellings(name: str, month: int) -> None:
    from hijridate import Hijri

    want = Hijri(1445, month, 5).to_gregorian().isoformat()
    for spelling in {name, name.translate(_UNMARKED)}:
        parsed = check(f"5 {spelling} 1445 هـ", want)
        assert parsed is not None
        assert parsed.calendar == "hijri"
        assert [p.isoformat() for p in find_dates(f"الأحد 5 {spelling} 1445")] == [want]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("آخر تحديث", True),
        ("تاريخ النشر:", True),
        ("Updated:", True),
        ("آخر تحديث 5 نوفمبر 2023", False),  # a labelled stamp, not a label alone
        ("الرئيسية", False),
        ("", False),
    ],
)
def test_is_date_label(text: str, label: bool) -> None:
    from article_extract._dates import is_date_label

    assert is_date_label(text) is label
