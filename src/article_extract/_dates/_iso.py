"""The fast path for machine-written stamps: ISO 8601 / RFC 3339 as found in page metadata.

``2020-12-24T23:59:50+00:00``, ``2025-05-14T20:28:12.467+03:00``, ``2020-12-01 02:00:00``,
``2024-02-24T11:42:23Z``: one anchored regex and a constructor call, no tokenizing. Inside
running text the same stamps are read by the token grammar (the "T" is a time joiner there).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone

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
    g = match.group
    precision: Precision = "day"
    hour = minute = second = micro = 0
    if g("h") is not None:
        hour, minute = int(g("h")), int(g("mi"))
        precision = "minute"
        if g("s") is not None:
            second = int(g("s"))
            precision = "second"
            if g("f"):
                micro = int(g("f")[:6].ljust(6, "0"))
    tz: timezone | None = None
    zone = g("z")
    if zone:
        if zone in "Zz":
            tz = UTC
        else:
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            minutes = int(digits[2:4]) if len(digits) == 4 else 0
            if int(digits[:2]) > 14 or minutes > 59:
                return None
            tz = timezone(sign * timedelta(hours=int(digits[:2]), minutes=minutes))
    try:
        value = datetime(int(g("y")), int(g("mo")), int(g("d")), hour, minute, second, micro, tz)
    except ValueError:
        return None
    return value, precision, tz is not None
