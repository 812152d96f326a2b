"""The fast path for machine-written stamps: ISO 8601 / RFC 3339 as found in page metadata.

``2020-12-24T23:59:50+00:00``, ``2025-05-14T20:28:12.467+03:00``, ``2020-12-01 02:00:00``,
``2024-02-24T11:42:23Z``: one anchored regex and a constructor call, no tokenizing. Inside
running text the same stamps are read by the token grammar (the "T" is a time joiner there).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

from ._clock import MAX_OFFSET_HOURS
from ._types import Precision

__all__ = ["IsoStamp", "parse_iso"]

# Anchored, fixed structure (no nested quantifiers): date, optional time, optional offset.
_ISO_BODY = (
    r"(?P<y>[0-9]{4})-(?P<mo>[0-9]{2})-(?P<d>[0-9]{2})"
    r"(?:[Tt ](?P<h>[0-9]{2}):(?P<mi>[0-9]{2})"
    r"(?::(?P<s>[0-9]{2})(?:[.,](?P<f>[0-9]{1,9}))?)?"
    r"[ ]?(?P<z>[Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?"
)
_ISO_FULL = re.compile(_ISO_BODY)

IsoStamp = tuple[datetime, Precision, bool]


def parse_iso(text: str) -> IsoStamp | None:
    """``(value, precision, has_offset)`` when ``text`` is exactly one ISO 8601 stamp."""
    match = _ISO_FULL.fullmatch(text)
    return _from_match(match) if match else None


def _from_match(match: re.Match[str]) -> IsoStamp | None:
    year, month, day, h, mi, s, fraction, zone = match.groups()
    precision: Precision = "day"
    hour = minute = second = micro = 0
    if h is not None:
        hour, minute = int(h), int(mi)
        precision = "minute"
        if s is not None:
            second = int(s)
            precision = "second"
            if fraction:
                micro = int(fraction[:6].ljust(6, "0"))
    tz: timezone | None = None
    if zone:
        if zone in "Zz":
            tz = UTC
        else:
            digits = zone[1:].replace(":", "")
            hours, minutes = int(digits[:2]), int(digits[2:4]) if len(digits) == 4 else 0
            if hours > MAX_OFFSET_HOURS or minutes > 59:
                return None
            seconds = hours * 3600 + minutes * 60
            # timedelta(0, seconds): the keyword form costs three times as much
            tz = timezone(timedelta(0, -seconds if zone[0] == "-" else seconds))
    try:
        value = datetime(int(year), int(month), int(day), hour, minute, second, micro, tz)
    except ValueError:
        return None
    return value, precision, tz is not None
