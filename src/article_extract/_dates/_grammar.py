"""Absolute date cores: the day-month-year part of a date expression, read from tokens.

Forms, tried in this order at a token:

* numeric ``d/m/Y`` (any of ``/ - .`` and tatweel, spaces allowed, the same separator twice)
  and ``Y/m/d``; day first by Arabic convention, flagged when the reading was a guess;
* ``d [من] [شهر] MONTH [Y]`` where MONTH may be a double form ("كانون الثاني/يناير",
  "أيار (مايو)", "حزيران - يونيو");
* ``MONTH d[,] Y`` (US order, "ديسمبر 25, 2020") and ``MONTH Y`` (month precision);
* ``Y年M月D日`` (Chinese, Japanese; Korean ``Y년 M월 D일``): every number followed by its unit,
  the year or the day may be left out ("1月13日", "2025年1月"), the year may be an era year
  ("令和7年", "令和元年").

A core never includes the weekday, clock time or zone; the engine extends it on both sides.
"""

from __future__ import annotations

from typing import NamedTuple

from ._calendars import HIJRI_YEARS, SOLAR_HIJRI_YEARS
from ._tokens import NUM, WORD, Token
from ._types import Calendar

__all__ = [
    "GREGORIAN_YEARS",
    "DateCore",
    "may_follow_number",
    "named_core",
    "numeric_core",
    "read_core",
    "suffix_unit",
    "year_ok",
]

# Years a Gregorian date on a page can carry; outside this a 4-digit number is something else.
GREGORIAN_YEARS = range(1000, 2200)
_YEARS = {"hijri": HIJRI_YEARS, "solar_hijri": SOLAR_HIJRI_YEARS}
# Separators of numeric dates ("ـ" has already become "-").
_NUMERIC_SEPARATORS = frozenset("/-.")
# Between the two names of a double month form: "آب/اغسطس", "أيار (مايو)", "حزيران - يونيو".
_DOUBLE_MONTH_SEPARATORS = frozenset(["/", "-", "(", "|", "،", ","])
_RANGE = frozenset({"date_range"})
_NO_FLAGS: frozenset[str] = frozenset()
_HIJRI_ASSUMED = frozenset({"hijri_assumed"})
_MONTH_FIRST = frozenset({"month_first"})
_DAY_FIRST_ASSUMED = frozenset({"day_first_assumed"})
# "26 من رمضان", "5 من شهر يناير": at most this many words between a day and its month.
MAX_DAY_MONTH_JOINERS = 3
# Between a month name and a following year/day: "4 سبتمبر، 2018", "ديسمبر 25, 2020".
_COMMAS = frozenset([",", "،"])
# The numeral 十 (ten) in "十二月三十一日": tens, not a digit.
_TEN = 10


class DateCore(NamedTuple):
    """Day-month-year as written (in its own calendar), with token bounds ``[start, end)``."""

    start: int
    end: int
    calendar: Calendar
    year: int | None  # None: no year written ("5 يونيو"); needs a reference
    month: int
    day: int | None  # None: month precision ("يناير 2022")
    # The month-first reading of an ambiguous numeric date (both parts ≤ 12), as (month, day).
    swapped: tuple[int, int] | None = None
    flags: frozenset[str] = frozenset()
    era: Calendar | None = None


def _tok(tokens: list[Token], i: int) -> Token | None:
    return tokens[i] if i < len(tokens) else None


def _digits(tok: Token | None, widths: tuple[int, ...]) -> int | None:
    if tok is None or tok.kind != NUM or len(tok.text) not in widths:
        return None
    return tok.value


def _read_era(tokens: list[Token], i: int) -> tuple[Calendar | None, int]:
    tok = _tok(tokens, i)
    if tok is not None and tok.meaning is not None and tok.meaning.era:
        era = tok.meaning.era
        if era in ("gregorian", "hijri", "solar_hijri"):
            return era, i + 1  # type: ignore[return-value]
    return None, i


def _read_month(tokens: list[Token], i: int) -> tuple[Calendar, int, int] | None:
    """A month name, or a double form of two names for the same month; (calendar, month, end)."""
    tok = _tok(tokens, i)
    if tok is None or tok.meaning is None or tok.meaning.month is None:
        return None
    calendar, month = tok.meaning.month
    end = i + 1
    sep = _tok(tokens, end)
    if sep is not None and sep.text in _DOUBLE_MONTH_SEPARATORS:
        other = _tok(tokens, end + 1)
        if (
            other is not None
            and other.meaning is not None
            and other.meaning.month == (calendar, month)
        ):
            end += 2
            if sep.text == "(" and (close := _tok(tokens, end)) is not None and close.text == ")":
                end += 1
    return calendar, month, end  # type: ignore[return-value]


def year_ok(calendar: str, year: int) -> bool:
    """A year a date in ``calendar`` can plausibly carry (and, for Hijri, we can convert)."""
    return year in _YEARS.get(calendar, GREGORIAN_YEARS)


def _has_joiner(tok: Token) -> bool:
    return tok.meaning is not None and tok.meaning.day_month_joiner and tok.meaning.month is None


def _day(tok: Token) -> tuple[int, bool] | None:
    """A day of the month written as a number or an ordinal word; (day, is_ordinal)."""
    if tok.kind == NUM:
        return (tok.value, False) if len(tok.text) <= 2 and 1 <= tok.value <= 31 else None
    if tok.meaning is not None and tok.meaning.ordinal is not None:
        return tok.meaning.ordinal, True
    if tok.meaning is not None and tok.meaning.day_word is not None:
        return tok.meaning.day_word, False
    return None


def _past_suffix(tokens: list[Token], j: int) -> int:
    """``j``, or the index after it when it holds an ordinal suffix glued to the day number
    before it ("4th", "1er")."""
    t = _tok(tokens, j)
    if t is None or t.kind != WORD or t.start != tokens[j - 1].end:
        return j
    return j + 1 if t.meaning is not None and t.meaning.ordinal_suffix else j


def _range_end(tokens: list[Token], i: int, first: int) -> int | None:
    """``i`` at a range joiner after day ``first`` ("6 و 7 يناير", "1-3 يونيو"): the index
    after the second day, when it is a later day of the same month."""
    joiner, second = _tok(tokens, i), _tok(tokens, i + 1)
    if joiner is None or second is None or second.kind != NUM or len(second.text) > 2:
        return None
    if joiner.meaning is None or not joiner.meaning.range_joiner:
        return None
    return i + 2 if first < second.value <= 31 else None


def _named(tokens: list[Token], i: int) -> DateCore | None:
    """``d [من] [شهر] MONTH [،] [سنة] [Y]`` starting at a day (digits or an ordinal word)."""
    read = _day(tokens[i])
    if read is None:
        return None
    day, ordinal = read
    j = i + 1 if ordinal else _past_suffix(tokens, i + 1)
    flags: frozenset[str] = frozenset()
    if not ordinal and (after_range := _range_end(tokens, j, day)) is not None:
        j, flags = after_range, _RANGE  # the first day of "6 و 7 يناير 2022"
    elif (t := _tok(tokens, j)) is not None and t.text in _NUMERIC_SEPARATORS and not ordinal:
        j += 1  # "06/يناير/2022", "06-يناير-2022"
    joined = j
    while (t := _tok(tokens, j)) is not None and _has_joiner(t):
        j += 1
        if j - i > MAX_DAY_MONTH_JOINERS:
            return None
    if ordinal and j == joined:
        return None  # "الثاني يناير" is no date; "الثاني من يناير" is
    month = _read_month(tokens, j)
    if month is None:
        return None
    calendar, number, j = month
    k = j
    if (t := _tok(tokens, k)) is not None and (t.text in _COMMAS or t.text in _NUMERIC_SEPARATORS):
        k += 1
    if (t := _tok(tokens, k)) is not None and t.meaning is not None and t.meaning.month_year_joiner:
        k += 1
    year = _digits(_tok(tokens, k), (4,))
    if year is None:
        return DateCore(i, j, calendar, None, number, day, flags=flags)
    era, end = _read_era(tokens, k + 1)
    core = named_core(i, end, calendar, year, number, day, era)
    return core._replace(flags=flags) if core is not None and flags else core


def named_core(
    start: int, end: int, calendar: Calendar, year: int, month: int, day: int, era: Calendar | None
) -> DateCore | None:
    """A day-month-year with a month name, if the day and year are plausible."""
    if not (1 <= day <= 31 and year_ok(calendar, year)):
        return None
    return DateCore(start, end, calendar, year, month, day, None, _NO_FLAGS, era)


def _month_first(tokens: list[Token], i: int) -> DateCore | None:
    """``MONTH d[,] Y`` (US order) or ``MONTH Y`` (month precision)."""
    if i > 0 and tokens[i - 1].kind == NUM:
        return None  # "32 يناير 2020": the day-first reading failed, this is no date
    month = _read_month(tokens, i)
    if month is None:
        return None
    calendar, number, j = month
    if (t := _tok(tokens, j)) is not None and t.text == "." and t.start == tokens[j - 1].end:
        j += 1  # an abbreviation's dot: "Aug. 8, 2024"
    if (t := _tok(tokens, j)) is not None and t.text in _COMMAS:
        j += 1
    first = _tok(tokens, j)
    year = _digits(first, (4,))
    if year is not None:
        if not year_ok(calendar, year):
            return None
        era, end = _read_era(tokens, j + 1)
        return DateCore(i, end, calendar, year, number, None, era=era)
    day = _digits(first, (1, 2))
    if day is None or not 1 <= day <= 31:
        return None
    k = _past_suffix(tokens, j + 1)
    if (t := _tok(tokens, k)) is not None and t.text in _COMMAS:
        k += 1
    year = _digits(_tok(tokens, k), (4,))
    if year is None:
        return None
    era, end = _read_era(tokens, k + 1)
    return named_core(i, end, calendar, year, number, day, era)


def _in_longer_run(tokens: list[Token], first: int, last: int, sep: str) -> bool:
    """Part of a longer dotted/dashed number run (an IP address, "1-2-2020-3"): not a date."""
    after, nxt = _tok(tokens, last + 1), _tok(tokens, last + 2)
    if after is not None and nxt is not None and after.text == sep and nxt.kind == NUM:
        return after.start == tokens[last].end and nxt.start == after.end
    if first >= 2:
        before = tokens[first - 1]
        return (
            before.text == sep
            and before.end == tokens[first].start
            and tokens[first - 2].kind == NUM
        )
    return False


def _numeric(tokens: list[Token], i: int) -> DateCore | None:
    """``d/m/Y`` or ``Y/m/d`` with one separator used twice."""
    window = tokens[i : i + 5]
    if len(window) < 5:
        return None
    a, sep1, b, sep2, c = window
    if sep1.text not in _NUMERIC_SEPARATORS or sep2.text != sep1.text:
        return None
    if a.kind != NUM or b.kind != NUM or c.kind != NUM or len(b.text) > 2:
        return None
    if _in_longer_run(tokens, i, i + 4, sep1.text):
        return None
    era, end = _read_era(tokens, i + 5)
    closing = _tok(tokens, end)
    korean = era is None and sep1.text == "." and len(a.text) == 4  # "2025. 1. 13."
    if korean and closing is not None and closing.text == "." and closing.start == c.end:
        end += 1  # the day is closed with a dot too
    return numeric_core(i, end, a.text, b.value, c.text, era)


def numeric_core(
    start: int, end: int, first: str, middle: int, last: str, era: Calendar | None
) -> DateCore | None:
    """The reading of ``first/middle/last`` (digit strings at the ends): Y/m/d or d/m/Y."""
    if len(first) == 4 and len(last) <= 2:
        year, month, day = int(first), middle, int(last)
        swapped = None
    elif len(last) == 4 and len(first) <= 2:
        year, day, month = int(last), int(first), middle
        swapped = (day, month) if day <= 12 and month <= 12 and day != month else None
    else:
        return None
    flags = _NO_FLAGS
    calendar: Calendar
    if era is not None:
        calendar = era
    elif year in HIJRI_YEARS:
        # A 14xx year is Hijri on an Arabic page; dateparser reads it as Gregorian 1440.
        calendar = "hijri"
        flags = _HIJRI_ASSUMED
    else:
        calendar = "gregorian"
    if not year_ok(calendar, year) or not 1 <= day <= 31:
        return None
    if month > 12:
        if swapped is None and len(first) <= 2 and day <= 12 and month <= 31:
            # Day-first is impossible ("12/25/2020"): the only reading is month-first.
            day, month = month, day
            flags = flags | _MONTH_FIRST
        else:
            return None
    elif swapped is not None:
        flags = flags | _DAY_FIRST_ASSUMED
    return DateCore(start, end, calendar, year, month, day, swapped, flags, era)


def suffix_unit(tokens: list[Token], i: int) -> str | None:
    """The unit written right after a number ("年", "월", "時" …) at token ``i``, if any."""
    tok = _tok(tokens, i)
    return tok.meaning.suffix_unit if tok is not None and tok.meaning is not None else None


def _numerals(tokens: list[Token], i: int, year: bool) -> tuple[int, int] | None:
    """Chinese numerals glued together at token ``i``: a year digit by digit ("二〇二四"),
    else 1-99 with 十 ("七", "十二", "二十", "三十一"); (value, index after them)."""
    digits: list[int] = []
    k = i
    while k < len(tokens) and len(digits) < 4:
        meaning = tokens[k].meaning
        if meaning is None or meaning.numeral is None:
            break
        if digits and tokens[k].start != tokens[k - 1].end:
            break
        digits.append(meaning.numeral)
        k += 1
    if year:
        if len(digits) != 4 or 10 in digits:
            return None
        return digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3], k
    if digits[:1] == [_TEN]:  # "十", "十二"
        tens, used = 1, 1
    elif digits[1:2] == [_TEN] and 1 <= digits[0] <= 9:  # "二十", "三十一"
        tens, used = digits[0], 2
    elif digits and 1 <= digits[0] <= 9:  # "七"
        return digits[0], i + 1
    else:
        return None
    ones = digits[used] if used < len(digits) else 0
    if 1 <= ones <= 9:
        return tens * 10 + ones, i + used + 1
    return tens * 10, i + used


def _count(tokens: list[Token], i: int, widths: tuple[int, ...]) -> tuple[int, int] | None:
    """A number before its unit: digits of one of ``widths``, or Chinese numerals (a year when
    ``widths`` is (4,)); (value, index after it)."""
    tok = _tok(tokens, i)
    if tok is None:
        return None
    if tok.kind == NUM:
        return (tok.value, i + 1) if len(tok.text) in widths else None
    if tok.meaning is not None and tok.meaning.numeral is not None:
        before = tokens[i - 1] if i > 0 else None
        if before is not None and before.end == tok.start and _is_numeral(before):
            return None  # inside a run: "十三月" is no "三月"
        return _numerals(tokens, i, widths == (4,))
    return None


def _is_numeral(tok: Token) -> bool:
    return tok.meaning is not None and tok.meaning.numeral is not None


def _era_year(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """``令和7年``, ``平成元年``, ``令和七年`` at an era name: (Gregorian year, index after
    "年")."""
    era = tokens[i].meaning.era_start  # type: ignore[union-attr]
    assert era is not None
    first, last = era
    tok = _tok(tokens, i + 1)
    if tok is not None and tok.meaning is not None and tok.meaning.year_word is not None:
        read: tuple[int, int] | None = (tok.meaning.year_word, i + 2)
    else:
        read = _count(tokens, i + 1, (1, 2, 3))  # Taiwan's 民國 is in its 110s
    if read is None:
        return None
    number, j = read
    if suffix_unit(tokens, j) != "year" or number < 1 or (last and number > last):
        return None
    return first + number - 1, j + 1


def _marked(tokens: list[Token], i: int) -> DateCore | None:
    """``[Y年]M月[D日]`` with at least a year or a day: "1月分" is no date, "2025年" no day."""
    year: int | None = None
    j = i
    tok = tokens[i]
    if tok.meaning is not None and tok.meaning.era_start is not None:
        read = _era_year(tokens, i)
        if read is None:
            return None
        year, j = read
    elif (read := _count(tokens, i, (4,))) is not None and suffix_unit(tokens, read[1]) == "year":
        year, j = read[0], read[1] + 1
    elif i > 0 and suffix_unit(tokens, i - 1) == "year":
        return None  # the year before was refused ("平成32年1月1日"): no yearless date either
    read = _count(tokens, j, (1, 2))
    if read is None or suffix_unit(tokens, read[1]) != "month" or not 1 <= read[0] <= 12:
        return None
    month, j = read[0], read[1] + 1
    read = _count(tokens, j, (1, 2))
    day: int | None = None
    if read is not None and suffix_unit(tokens, read[1]) == "day" and 1 <= read[0] <= 31:
        day, j = read[0], read[1] + 1
    elif year is None:
        return None
    if year is not None and not year_ok("gregorian", year):
        return None
    return DateCore(i, j, "gregorian", year, month, day)


def may_follow_number(tok: Token | None) -> bool:
    """Can ``tok``, right after a number, continue a date that starts with that number? Every
    such reading (the numeric cores here, and ``_relative.read_relative_after``: "3時間前") reads
    the next token as a numeric separator (``d/m/Y``) or a lexicon word (a month, a "من"
    joiner, a range joiner, a unit: "6 يناير", "6 من يناير", "6 و 7", "2025年"); any other
    token ends the reading there. Most numbers in prose are followed by a plain word, and the
    scan skips them at this one test."""
    return tok is not None and (tok.meaning is not None or tok.text in _NUMERIC_SEPARATORS)


def read_core(tokens: list[Token], i: int) -> DateCore | None:
    """The absolute date core starting at token ``i``, or None."""
    tok = tokens[i]
    if tok.kind == NUM:
        return _numeric(tokens, i) or _named(tokens, i) or _marked(tokens, i)
    if tok.meaning is not None and tok.meaning.month is not None:
        return _month_first(tokens, i)
    if tok.meaning is not None and (
        tok.meaning.era_start is not None or tok.meaning.numeral is not None
    ):
        return _marked(tokens, i)
    if tok.meaning is not None and (
        tok.meaning.ordinal is not None or tok.meaning.day_word is not None
    ):
        return _named(tokens, i)
    return None
