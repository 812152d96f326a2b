"""Dates and datetimes from parsed parts: calendar conversion, weekday check, clock and zone.

``absolute_value`` and ``label_role`` are the only way a reading becomes a value: the token
grammar (``_engine``) and the whole-string fast path (``_fast``) both call them, so the same
reading gives the same value, precision, flags and role whichever path recognised it.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

from ._calendars import from_hijri, from_solar_hijri, gregorian_date
from ._clock import ClockTime, Zone, zone_offset
from ._grammar import DateCore
from ._types import Calendar, DateRole, Precision

__all__ = [
    "absolute_value",
    "closest_year",
    "convert",
    "core_date",
    "label_role",
    "settle_weekday",
    "with_clock",
    "with_zone",
]


def closest_year(month: int, day: int, reference: datetime) -> date | None:
    """The date with this month and day nearest to ``reference`` (for "5 يونيو" with no year)."""
    options = [gregorian_date(reference.year + k, month, day) for k in (-1, 0, 1)]
    valid = [d for d in options if d is not None]
    if not valid:
        return None
    return min(valid, key=lambda d: abs(d.toordinal() - reference.date().toordinal()))


def convert(calendar: Calendar, year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a day written in ``calendar``, or None if it does not exist."""
    if calendar == "hijri":
        return from_hijri(year, month, day)
    if calendar == "solar_hijri":
        return from_solar_hijri(year, month, day)
    return gregorian_date(year, month, day)


_NO_FLAGS: frozenset[str] = frozenset()
_ZONE_UNKNOWN = frozenset({"zone_unknown"})


def core_date(
    core: DateCore, weekday: int | None, reference: datetime | None
) -> tuple[date, Precision, frozenset[str]] | None:
    """Gregorian date, precision and flags of a core; the weekday may settle a d/m order."""
    flags = core.flags
    if core.year is None:
        if reference is None or core.calendar != "gregorian" or core.day is None:
            return None
        inferred = closest_year(core.month, core.day, reference)
        if inferred is None:
            return None
        return inferred, "day", flags | {"year_inferred"}
    if core.day is None:
        value = convert(core.calendar, core.year, core.month, 1)
        return (value, "month", flags) if value is not None else None
    value = convert(core.calendar, core.year, core.month, core.day)
    if value is None:
        return None
    if weekday is not None and value.weekday() != weekday:
        value, flags = settle_weekday(value, weekday, core, flags)
    elif weekday is not None and "day_first_assumed" in flags and core.swapped:
        other = convert(core.calendar, core.year, *core.swapped)
        if other is None or other.weekday() != weekday:
            flags = flags - {"day_first_assumed"}  # the weekday confirms the day-first reading
    return value, "day", flags


def settle_weekday(
    value: date, weekday: int, core: DateCore | None, flags: frozenset[str]
) -> tuple[date, frozenset[str]]:
    """The stated weekday disagrees with ``value``: take the month-first reading of an
    ambiguous numeric date if that one matches, else keep the value and flag the mismatch."""
    if core is not None and core.swapped and core.year is not None:
        swapped = convert(core.calendar, core.year, *core.swapped)
        if swapped is not None and swapped.weekday() == weekday:
            return swapped, (flags - {"day_first_assumed"}) | {"month_first_by_weekday"}
    return value, flags | {"weekday_mismatch"}


def with_clock(
    day: date, clock: ClockTime | None, zone: Zone | None
) -> tuple[datetime, bool, frozenset[str]]:
    """``day`` at the clock time, aware when a zone is known; (value, has_offset, flags)."""
    if clock is None:
        return datetime(day.year, day.month, day.day), False, _NO_FLAGS
    wall = datetime(
        day.year, day.month, day.day, clock.hour, clock.minute, clock.second or 0, clock.microsecond
    )
    if zone is None:
        return wall, False, _NO_FLAGS
    return with_zone(wall, zone)


def with_zone(wall: datetime, zone: Zone) -> tuple[datetime, bool, frozenset[str]]:
    """The naive ``wall`` clock in ``zone``: aware when its offset is known, else flagged."""
    offset = zone_offset(zone, wall)
    if offset is None:
        return wall, False, _ZONE_UNKNOWN
    return wall.replace(tzinfo=timezone(offset)), True, _NO_FLAGS


def absolute_value(
    core: DateCore,
    weekday: int | None,
    clock: ClockTime | None,
    zone: Zone | None,
    reference: datetime | None,
) -> tuple[datetime, Precision, bool, frozenset[str]] | None:
    """The value of a date core with its weekday, clock time and zone:
    (value, precision, has_offset, flags), or None when the date does not exist."""
    dated = core_date(core, weekday, reference)
    if dated is None:
        return None
    day, precision, flags = dated
    value, has_offset, extra = with_clock(day, clock, zone)
    if clock is not None:
        precision = clock.precision
    return value, precision, has_offset, flags | extra if extra else flags


_ROLES: dict[str, DateRole] = {"published": "published", "modified": "modified"}


def label_role(label: str | None) -> DateRole | None:
    """The role a label gives its date ("نشر" → published); neutral labels give none."""
    return _ROLES.get(label) if label is not None else None
