"""Calendar arithmetic: Hijri (Umm al-Qura) and solar Hijri to Gregorian, month/year steps.

Hijri goes through ``hijridate``'s public ``Hijri`` class (imported on first use): Umm al-Qura
is published data that should not be retyped, and it is what dateparser's own Hijri calendar
uses. The solar Hijri (Persian) conversion is the standard arithmetic 33-year-cycle algorithm,
exact for the years a news page can carry.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from hijridate import Hijri

__all__ = [
    "HIJRI_YEARS",
    "SOLAR_HIJRI_YEARS",
    "add_months",
    "from_hijri",
    "from_solar_hijri",
    "gregorian_date",
]

# The years hijridate's Umm al-Qura table covers (1343-1500 AH = 1924-2077 CE); outside them
# Hijri() raises OverflowError, so they are checked first.
HIJRI_YEARS = range(1343, 1501)
# Solar Hijri years a news page can carry (1200 SH = 1821 CE … 1499 SH = 2121 CE).
SOLAR_HIJRI_YEARS = range(1200, 1500)


def gregorian_date(year: int, month: int, day: int) -> date | None:
    """``date(year, month, day)`` or None when it does not exist (31 June, 29 Feb 2023)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def from_hijri(year: int, month: int, day: int) -> date | None:
    """Umm al-Qura Hijri date → Gregorian, or None if it is out of the table or impossible."""
    if year not in HIJRI_YEARS or not (1 <= month <= 12 and 1 <= day <= 30):
        return None
    hijri = _hijri_class()(year, month, day, validate=False)  # year and month checked above
    if day > hijri.month_length():
        return None  # day 30 of a 29-day month
    return hijri.to_gregorian()  # a datetime.date


@cache
def _hijri_class() -> type[Hijri]:
    """hijridate's public Hijri class, imported on first use (only pages with a Hijri date pay
    its import)."""
    from hijridate import Hijri

    return Hijri


def from_solar_hijri(year: int, month: int, day: int) -> date | None:
    """Solar Hijri (Jalali) date → Gregorian, or None if impossible."""
    if year not in SOLAR_HIJRI_YEARS or not 1 <= month <= 12:
        return None
    if not 1 <= day <= (31 if month <= 6 else 30):
        return None
    jy = year + 1595
    days = -355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + day
    days += (month - 1) * 31 if month < 7 else (month - 7) * 30 + 186
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    result = date(gy, 1, 1).toordinal() + days
    converted = date.fromordinal(result)
    # Month 12 has 29 days in common years: the arithmetic would roll into the next year.
    if month == 12 and day == 30 and from_solar_hijri(year + 1, 1, 1) == converted:
        return None
    return converted


def add_months(value: datetime, months: int) -> datetime:
    """Calendar month arithmetic (like dateutil's relativedelta): the day is clamped."""
    year, month = divmod(value.year * 12 + (value.month - 1) + months, 12)
    month += 1
    return value.replace(year=year, month=month, day=min(value.day, _days_in_month(year, month)))


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31
