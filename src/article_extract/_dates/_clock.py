"""Clock times, 12-hour periods and time zones, read from tokens.

Every reader takes ``(tokens, i)`` and returns a small frozen value with ``end`` (the index of
the first token after what it read), or None. None of them looks further than a few tokens.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from ._lexicon import Meaning
from ._tokens import NL, NUM, WORD, Token
from ._types import Precision

__all__ = [
    "ClockTime",
    "Zone",
    "clock_time",
    "named_zone",
    "read_time",
    "read_zone",
    "to_24h",
    "utc_offset",
    "zone_offset",
]

# Offsets beyond ±14:00 do not exist on Earth; anything larger is not an offset.
MAX_OFFSET_HOURS = 14
_UTC = timedelta(0)
# What may follow an "HH.MM" after a date for it to be the stamp's time: the end of a stamp.
_STAMP_CLOSERS = frozenset(["|", "-", ")", "]", "•", "·", "/"])
# Periods after which an hour 0 is noon when the period is written first ("午後0時"); written
# after the hour ("0:30 م") it stays no time (to_24h).
_AFTER_NOON = frozenset(["pm", "afternoon"])


class ClockTime(NamedTuple):
    hour: int
    minute: int
    second: int | None
    microsecond: int
    precision: Precision
    end: int
    meridiem: str | None = None


class Zone(NamedTuple):
    offset: timedelta | None  # fixed offset (UTC names, "+03:00")
    tz: str | None  # IANA name: the offset depends on the date (summer time)
    end: int


def to_24h(hour: int, period: str | None) -> int | None:
    """A 12-hour reading with its period ("ص", "مساءً", "ظهراً", "ليلاً"…) as a 24-hour hour."""
    if period is None or hour > 12:
        return hour  # already a 24-hour clock ("18:55 مساءً" is plainly 18:55)
    if hour == 0:
        return None if period in ("pm", "afternoon") else 0
    if period in ("am", "dawn"):
        return 0 if hour == 12 else hour
    if period in ("pm", "afternoon"):
        return 12 if hour == 12 else hour + 12
    if period == "noon":  # "11 ظهراً" is late morning, "1 ظهراً" is 13:00
        return hour if hour >= 11 else hour + 12
    if period == "night":  # "11 ليلاً" is 23:00, "2 ليلاً" is 02:00, "12 ليلاً" is midnight
        if hour == 12:
            return 0
        return hour + 12 if hour >= 6 else hour
    return hour


def _num(tokens: list[Token], i: int, width: int | None = None) -> int | None:
    if i >= len(tokens):
        return None
    tok = tokens[i]
    if tok.kind != NUM or (width is not None and len(tok.text) != width):
        return None
    return tok.value


def _is(tokens: list[Token], i: int, text: str) -> bool:
    return i < len(tokens) and tokens[i].text == text


def _adjacent(tokens: list[Token], i: int) -> bool:
    """True when token ``i`` touches the token before it (no space between)."""
    return 0 < i < len(tokens) and tokens[i - 1].end == tokens[i].start


def clock_time(
    hour: int,
    minute: int,
    second: int | None,
    microsecond: int,
    precision: Precision,
    end: int,
    period: str | None,
) -> ClockTime | None:
    """A clock reading as written (12-hour with ``period``), or None when it is no time of day.
    The one constructor of ClockTime: the token reader and the fast path both build through it."""
    hour24 = to_24h(hour, period)
    if hour24 is None or hour24 > 23 or minute > 59 or (second is not None and second > 59):
        return None
    return ClockTime(hour24, minute, second, microsecond, precision, end, period)


def read_time(
    tokens: list[Token], i: int, *, bare_hour: bool = False, after_date: bool = False
) -> ClockTime | None:
    """``HH:MM[:SS[.fff]] [period]`` (or ``HH period`` / a bare hour after "الساعة"), or the
    East Asian ``[period] HH時[MM分[SS秒]]`` / ``[period] HH:MM`` ("午後9時37分", "오후 9:37").

    ``HH.MM`` is a time with a period, a zone or an hour word after it ("10.30 صباحاً",
    "12.42 CET", "20.15 Uhr"), and ``after_date`` where the stamp ends with it ("Sat 24 Feb
    2024 12.42"); anywhere else ("6 يناير 2022، 12.50 مليون") it is a decimal number.
    """
    leading = m.leading_meridiem if (m := _meaning_at(tokens, i)) is not None else None
    if leading is not None:
        i += 1
    if i >= len(tokens) or tokens[i].kind != NUM or len(tokens[i].text) > 2:
        return None
    hour = tokens[i].value
    if hour == 0 and leading in _AFTER_NOON:
        hour = 12  # Japanese counts 0-11 after 午後: "午後0時30分" is 12:30
    if _unit_at(tokens, i + 1) == "hour":
        return _marked_time(tokens, hour, i + 2, leading)
    second: int | None = None
    micro = 0
    j = i + 1
    minute = _num(tokens, j + 1, 2) if (_is(tokens, j, ":") or _is_h(tokens, j)) else None
    dot = _dot_minutes(tokens, j)
    if minute is not None:
        j += 2
        precision: Precision = "minute"
        if _is(tokens, j, ":") and (sec := _num(tokens, j + 1, 2)) is not None:
            second, precision = sec, "second"
            j += 2
            if (_is(tokens, j, ".") or _is(tokens, j, ",")) and _adjacent(tokens, j):
                frac = tokens[j + 1] if j + 1 < len(tokens) else None
                if frac is not None and frac.kind == NUM and _adjacent(tokens, j + 1):
                    micro = int(frac.text[:6].ljust(6, "0"))
                    j += 2
    elif dot is not None and (_marks_time(tokens, j + 2) or (after_date and _ends(tokens, j + 2))):
        minute, precision = dot, "minute"
        j += 2
    else:
        minute, precision = 0, "hour"
    if leading is not None:
        # "오후 9:37"; "下午3" with neither minutes nor "点" is no time
        return clock_time(hour, minute, second, micro, precision, j, leading) if j > i + 1 else None
    period = None
    if (m := _meaning_at(tokens, j)) is not None and m.meridiem is not None:
        period = m.meridiem
        j += 1
    suffixed = (m := _meaning_at(tokens, j)) is not None and m.hour_word
    if suffixed:
        j += 1  # "20.15 Uhr"
    if precision == "hour" and period is None and not (bare_hour or suffixed):
        return None
    return clock_time(hour, minute, second, micro, precision, j, period)


def _marked_time(tokens: list[Token], hour: int, j: int, period: str | None) -> ClockTime | None:
    """The rest of ``HH時[MM分[SS秒]]`` (``시 분 초``, ``时 分``, ``点 分``, ``3時半``) with ``j``
    after the hour's unit. Minutes need no zero padding here: their unit says what they are."""
    minute, second = 0, None
    precision: Precision = "hour"
    minutes = _num(tokens, j)
    if minutes is not None and len(tokens[j].text) <= 2 and _unit_at(tokens, j + 1) == "minute":
        minute, precision, j = minutes, "minute", j + 2
        seconds = _num(tokens, j)
        if seconds is not None and len(tokens[j].text) <= 2 and _unit_at(tokens, j + 1) == "second":
            second, precision, j = seconds, "second", j + 2
    elif (m := _meaning_at(tokens, j)) is not None and m.half:
        minute, precision, j = 30, "minute", j + 1  # "3時半"
    return clock_time(hour, minute, second, 0, precision, j, period)


def _meaning_at(tokens: list[Token], j: int) -> Meaning | None:
    return tokens[j].meaning if j < len(tokens) else None


def _unit_at(tokens: list[Token], j: int) -> str | None:
    m = _meaning_at(tokens, j)
    return m.suffix_unit if m is not None else None


def _dot_minutes(tokens: list[Token], j: int) -> int | None:
    """The minutes of "HH.MM" when token ``j`` is a dot glued to both neighbours."""
    if not (_is(tokens, j, ".") and _adjacent(tokens, j) and _adjacent(tokens, j + 1)):
        return None
    return _num(tokens, j + 1, 2)


def _marks_time(tokens: list[Token], j: int) -> bool:
    """A period, a zone or an hour word at ``j``: what makes "HH.MM" a time anywhere."""
    m = _meaning_at(tokens, j)
    return m is not None and bool(
        m.meridiem is not None or m.hour_word or m.utc or m.offset is not None or m.zone_prefix
    )


def _ends(tokens: list[Token], j: int) -> bool:
    """The stamp ends at ``j``: the text or the line does, a closing mark or a label follows."""
    if j >= len(tokens) or tokens[j].kind == NL or tokens[j].text in _STAMP_CLOSERS:
        return True
    return tokens[j].meaning is not None and tokens[j].meaning.label is not None  # type: ignore[union-attr]


def _is_h(tokens: list[Token], j: int) -> bool:
    """French/Maghreb "20h30": an "h" glued between hour and minutes."""
    return (
        j + 1 < len(tokens)
        and tokens[j].text == "h"
        and _adjacent(tokens, j)
        and _adjacent(tokens, j + 1)
    )


def utc_offset(sign: str, hours: int, minutes: int) -> timedelta | None:
    """``+HH:MM`` as a timedelta, or None when no place on Earth has it."""
    if hours > MAX_OFFSET_HOURS or minutes > 59:
        return None
    delta = timedelta(hours=hours, minutes=minutes)
    return -delta if sign == "-" else delta


def _read_offset(tokens: list[Token], i: int) -> tuple[timedelta, int] | None:
    if not (_is(tokens, i, "+") or _is(tokens, i, "-")):
        return None
    j = i + 1
    if j >= len(tokens) or tokens[j].kind != NUM:
        return None
    digits = tokens[j].text
    if len(digits) == 4:
        hours, minutes = int(digits[:2]), int(digits[2:])
        j += 1
    elif len(digits) <= 2:
        hours, minutes = int(digits), 0
        j += 1
        if _is(tokens, j, ":") and (mm := _num(tokens, j + 1, 2)) is not None:
            minutes = mm
            j += 2
    else:
        return None
    offset = utc_offset(tokens[i].text, hours, minutes)
    return (offset, j) if offset is not None else None


def named_zone(meaning: Meaning, prefixed: bool, end: int) -> Zone | None:
    """The zone a lexicon word names: a UTC name or an abbreviation anywhere after a time, a
    city only after a zone word ("بتوقيت القاهرة"; a bare city is a dateline)."""
    if meaning.utc:
        return Zone(_UTC, None, end)
    if meaning.offset is not None:
        return Zone(timedelta(minutes=meaning.offset), None, end)
    if meaning.tz and prefixed:
        return Zone(None, meaning.tz, end)
    return None


def read_zone(tokens: list[Token], i: int) -> Zone | None:
    """A zone after a clock time: "بتوقيت مكة", "(GMT+03:00)", "ت غ", "UTC+2", "+0300", "EDT"."""
    j = i
    paren = _is(tokens, j, "(")
    if paren:
        j += 1
    prefixed = False
    if j < len(tokens) and (m := tokens[j].meaning) is not None and m.zone_prefix:
        prefixed = True
        j += 1
    if j >= len(tokens):
        return None
    meaning = tokens[j].meaning
    zone = named_zone(meaning, prefixed, j + 1) if meaning is not None else None
    if zone is not None:
        if meaning.utc and (offset := _read_offset(tokens, j + 1)):  # type: ignore[union-attr]
            zone = Zone(offset[0], None, offset[1])  # "GMT+3"
    elif not prefixed and tokens[j].kind != WORD and (offset := _read_offset(tokens, j)):
        zone = Zone(offset[0], None, offset[1])  # "+0300"
    if zone is None:
        return None
    if paren and _is(tokens, zone.end, ")"):
        return Zone(zone.offset, zone.tz, zone.end + 1)
    return zone


def zone_offset(zone: Zone, wall: datetime) -> timedelta | None:
    """The UTC offset ``zone`` had at local wall-clock time ``wall`` (tz database for cities)."""
    if zone.offset is not None:
        return zone.offset
    if zone.tz is None:
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only pages naming a city zone pay

    try:
        return ZoneInfo(zone.tz).utcoffset(wall)
    except (ZoneInfoNotFoundError, ValueError):
        return None
