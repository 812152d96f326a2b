"""Clock times, 12-hour periods and time zones, read from tokens.

Every reader takes ``(tokens, i)`` and returns a small frozen value with ``end`` (the index of
the first token after what it read), or None. None of them looks further than a few tokens.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple

from ._tokens import NUM, WORD, Token
from ._types import Precision

__all__ = ["ClockTime", "Zone", "read_time", "read_zone", "to_24h", "zone_offset"]

# Offsets beyond ±14:00 do not exist on Earth; anything larger is not an offset.
MAX_OFFSET_HOURS = 14


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


def read_time(tokens: list[Token], i: int, *, bare_hour: bool = False) -> ClockTime | None:
    """``HH:MM[:SS[.fff]] [period]`` (or ``HH period`` / a bare hour after "الساعة")."""
    if i >= len(tokens) or tokens[i].kind != NUM or len(tokens[i].text) > 2:
        return None
    hour = tokens[i].value
    second: int | None = None
    micro = 0
    j = i + 1
    minute = _num(tokens, j + 1, 2) if (_is(tokens, j, ":") or _is_h(tokens, j)) else None
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
    elif _is(tokens, j, ".") and _adjacent(tokens, j) and _has_period(tokens, j + 2):
        minute = _num(tokens, j + 1, 2)  # "10.30 صباحاً": a dot only counts with a period
        if minute is None:
            return None
        j += 2
        precision = "minute"
    else:
        minute, precision = 0, "hour"
    period = None
    if _has_period(tokens, j):
        period = tokens[j].meaning.meridiem  # type: ignore[union-attr]
        j += 1
    if precision == "hour" and period is None and not bare_hour:
        return None
    hour24 = to_24h(hour, period)
    if hour24 is None or hour24 > 23 or minute > 59 or (second is not None and second > 59):
        return None
    return ClockTime(hour24, minute, second, micro, precision, j, period)


def _has_period(tokens: list[Token], j: int) -> bool:
    return j < len(tokens) and (m := tokens[j].meaning) is not None and m.meridiem is not None


def _is_h(tokens: list[Token], j: int) -> bool:
    """French/Maghreb "20h30": an "h" glued between hour and minutes."""
    return (
        j + 1 < len(tokens)
        and tokens[j].text == "h"
        and _adjacent(tokens, j)
        and _adjacent(tokens, j + 1)
    )


def _read_offset(tokens: list[Token], i: int) -> tuple[timedelta, int] | None:
    if not (_is(tokens, i, "+") or _is(tokens, i, "-")):
        return None
    sign = -1 if tokens[i].text == "-" else 1
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
    if hours > MAX_OFFSET_HOURS or minutes > 59:
        return None
    return sign * timedelta(hours=hours, minutes=minutes), j


def read_zone(tokens: list[Token], i: int) -> Zone | None:
    """A zone after a clock time: "بتوقيت مكة", "(GMT+03:00)", "ت غ", "UTC+2", "+0300"."""
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
    zone: Zone | None = None
    if meaning is not None and meaning.utc:
        offset = _read_offset(tokens, j + 1)
        zone = Zone(offset[0], None, offset[1]) if offset else Zone(timedelta(0), None, j + 1)
    elif meaning is not None and meaning.tz and prefixed:
        zone = Zone(None, meaning.tz, j + 1)
    elif not prefixed and tokens[j].kind != WORD:
        offset = _read_offset(tokens, j)
        zone = Zone(offset[0], None, offset[1]) if offset else None
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
