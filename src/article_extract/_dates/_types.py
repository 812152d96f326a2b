"""The date engine's public value types (re-exported by ``article_extract._dates``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

__all__ = ["Calendar", "DateRole", "ParsedDate", "Precision"]

Precision = Literal["year", "month", "day", "hour", "minute", "second"]
Calendar = Literal["gregorian", "hijri", "solar_hijri"]
DateRole = Literal["published", "modified"]


@dataclass(frozen=True)
class ParsedDate:
    """One date expression, parsed.

    ``value`` is naive (the publisher's wall clock) unless the text states a zone or offset
    (``has_offset``) or the caller gave ``default_tz``. ``span`` indexes ``text``, the string the
    caller passed in; ``matched`` is the expression itself. ``role`` is set when a label says
    what the date is ("نشر" → published, "آخر تحديث" → modified). ``flags`` records guesses,
    e.g. ``"day_first_assumed"`` or ``"relative"``.
    """

    value: datetime
    precision: Precision
    text: str
    span: tuple[int, int]
    has_offset: bool = False
    calendar: Calendar = "gregorian"
    role: DateRole | None = None
    flags: frozenset[str] = frozenset()

    @property
    def matched(self) -> str:
        """The part of ``text`` that holds the date."""
        return self.text[self.span[0] : self.span[1]]

    def isoformat(self) -> str:
        """ISO 8601 at the stated precision: ``2022-01-06``, ``2022-01-06T22:30``,
        ``2022-01-06T22:30:15+03:00`` (an offset only when the text stated a zone)."""
        value = self.value
        text = _ISO_SHAPES[self.precision].format(value)
        if self.has_offset and self.precision in ("hour", "minute", "second"):
            offset = value.utcoffset()
            if offset is not None:
                minutes = int(offset.total_seconds()) // 60
                sign = "-" if minutes < 0 else "+"
                text += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
        return text


_ISO_SHAPES: dict[str, str] = {
    "year": "{0:%Y}",
    "month": "{0:%Y-%m}",
    "day": "{0:%Y-%m-%d}",
    "hour": "{0:%Y-%m-%dT%H:%M}",
    "minute": "{0:%Y-%m-%dT%H:%M}",
    "second": "{0:%Y-%m-%dT%H:%M:%S}",
}
